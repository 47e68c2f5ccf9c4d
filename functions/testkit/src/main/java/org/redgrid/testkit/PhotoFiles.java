package org.redgrid.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import javax.imageio.ImageIO;

import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.TiffImageMetadata;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/**
 * Photos for the presigned flow's tests (the kernel's photo buckets): a real JPEG carrying a GPS position, the PUT to
 * a presigned upload URL as a browser sends it, and the GET of a presigned view URL.
 */
public final class PhotoFiles {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private PhotoFiles() {
    }

    /** A small real JPEG (64 × 48) whose EXIF says where it was taken (116.4039 E, 39.9151 N), and its orientation. */
    public static byte[] jpegWithLocation() throws IOException {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 64; x++) {
            for (int y = 0; y < 48; y++) {
                image.setRGB(x, y, (x * 4) << 16 | (y * 5) << 8 | 0x40);
            }
        }
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", plain);
        TiffOutputSet exif = new TiffOutputSet();
        exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) 1);
        exif.setGpsInDegrees(116.4039, 39.9151);
        ByteArrayOutputStream located = new ByteArrayOutputStream();
        new ExifRewriter().updateExifMetadataLossless(plain.toByteArray(), located, exif);
        return located.toByteArray();
    }

    public static TiffImageMetadata exifOf(byte[] jpeg) throws IOException {
        return ((JpegImageMetadata) Imaging.getMetadata(jpeg)).getExif();
    }

    /** PUTs {@code body} to the upload URL of {@code upload} (a 201 reply with an Upload) as a browser would. */
    public static int put(Gateway.Reply upload, String contentType, byte[] body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(upload.json().getString("uploadUrl")))
                .header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The bytes behind a presigned view URL, which must answer 200. */
    public static byte[] get(String url) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), () -> "presigned GET " + url);
        return r.body();
    }
}
