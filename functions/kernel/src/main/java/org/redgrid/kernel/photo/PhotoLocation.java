package org.redgrid.kernel.photo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import javax.imageio.ImageIO;

import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.ImageFormats;
import org.apache.commons.imaging.common.ImageMetadata;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;
import org.apache.commons.imaging.formats.tiff.TiffImageMetadata;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputDirectory;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputField;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/**
 * Removes where a photo was taken (照片定位信息) before it is kept, unless the uploader chose to keep it.
 * <ul>
 * <li>JPEG (what phone cameras write): Apache Commons Imaging empties the EXIF GPS directory losslessly — the
 * picture and the rest of its EXIF (orientation, time) stay — and drops the XMP packet, which can repeat the
 * location.</li>
 * <li>PNG: decoded and written again by the JDK's ImageIO, which writes no metadata chunks (eXIf, XMP).</li>
 * <li>WebP: the RIFF chunks {@code EXIF} and {@code XMP } are left out and the VP8X flags and RIFF size set to
 * match. No kept Java library writes WebP metadata (Commons Imaging reads WebP only), and this is the container's
 * documented layout, a few lines.</li>
 * </ul>
 */
final class PhotoLocation {

    private static final Set<String> WEBP_METADATA = Set.of("EXIF", "XMP ");
    /** VP8X flag bits: EXIF present (0x08), XMP present (0x04). */
    private static final int VP8X_METADATA_FLAGS = 0x08 | 0x04;

    private PhotoLocation() {
    }

    /** Whether the bytes are an image of {@code contentType} (what was uploaded is what it says). */
    static boolean is(byte[] photo, String contentType) {
        ImageFormats format = switch (contentType) {
            case "image/jpeg" -> ImageFormats.JPEG;
            case "image/png" -> ImageFormats.PNG;
            case "image/webp" -> ImageFormats.WEBP;
            default -> null;
        };
        try {
            return format != null && Imaging.guessFormat(photo) == format;
        } catch (IOException e) {
            return false;
        }
    }

    /** The photo, an image of {@code contentType} (see {@link #is}), without its location; null when unreadable. */
    static byte[] strip(byte[] photo, String contentType) {
        try {
            return switch (contentType) {
                case "image/jpeg" -> jpeg(photo);
                case "image/png" -> png(photo);
                default -> webp(photo);
            };
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static byte[] jpeg(byte[] photo) throws IOException {
        ImageMetadata metadata = Imaging.getMetadata(photo);
        byte[] out = photo;
        if (metadata instanceof JpegImageMetadata jpeg && jpeg.getExif() != null) {
            TiffImageMetadata exif = jpeg.getExif();
            TiffOutputSet set = exif.getOutputSet();
            TiffOutputDirectory gps = set.getGpsDirectory();
            if (gps != null) {
                for (TiffOutputField field : gps.getFields()) {
                    gps.removeField(field.tag);
                }
                ByteArrayOutputStream rewritten = new ByteArrayOutputStream(photo.length);
                new ExifRewriter().updateExifMetadataLossless(out, rewritten, set);
                out = rewritten.toByteArray();
            }
        }
        ByteArrayOutputStream withoutXmp = new ByteArrayOutputStream(out.length);
        new JpegXmpRewriter().removeXmpXml(out, withoutXmp);
        return withoutXmp.toByteArray();
    }

    private static byte[] png(byte[] photo) throws IOException {
        var image = ImageIO.read(new ByteArrayInputStream(photo));
        if (image == null) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(photo.length);
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static byte[] webp(byte[] photo) {
        ByteBuffer in = ByteBuffer.wrap(photo).order(ByteOrder.LITTLE_ENDIAN);
        ByteArrayOutputStream chunks = new ByteArrayOutputStream(photo.length);
        for (int at = 12; at + 8 <= photo.length;) {
            String id = fourCc(photo, at);
            int size = in.getInt(at + 4);
            int padded = size + (size & 1);
            if (size < 0 || at + 8 + size > photo.length) {
                return null;
            }
            if (!WEBP_METADATA.contains(id)) {
                byte[] chunk = java.util.Arrays.copyOfRange(photo, at, Math.min(photo.length, at + 8 + padded));
                if ("VP8X".equals(id) && chunk.length > 8) {
                    chunk[8] &= (byte) ~VP8X_METADATA_FLAGS;
                }
                chunks.writeBytes(chunk);
            }
            at += 8 + padded;
        }
        byte[] body = chunks.toByteArray();
        ByteBuffer out = ByteBuffer.allocate(12 + body.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(4 + body.length).put("WEBP".getBytes(StandardCharsets.US_ASCII))
                .put(body);
        return out.array();
    }

    private static String fourCc(byte[] bytes, int at) {
        return new String(bytes, at, 4, StandardCharsets.US_ASCII);
    }
}
