package org.redgrid.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.redgrid.testkit.PhotoFiles.exifOf;
import static org.redgrid.testkit.PhotoFiles.get;
import static org.redgrid.testkit.PhotoFiles.jpegWithLocation;
import static org.redgrid.testkit.PhotoFiles.put;

import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.commons.imaging.formats.tiff.TiffImageMetadata;
import org.apache.commons.imaging.formats.tiff.constants.GpsTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.junit.jupiter.api.Test;
import org.redgrid.infra.dynamodb.DynamoEngineResource;
import org.redgrid.testkit.DemoDistrict;
import org.redgrid.testkit.Gateway;
import org.redgrid.testkit.ObjectStoreResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Service-record photos through the real presigned flow against the object store (s3rver): the phone asks for an
 * upload URL, PUTs a real JPEG carrying a GPS position, and the record keeps a copy without the position (with it
 * when the member keeps it); the signed type and length cannot be changed, oversize and foreign photos are refused.
 */
@QuarkusTest
@QuarkusTestResource(DynamoEngineResource.class)
@QuarkusTestResource(ObjectStoreResource.class)
class PhotoTest {

    static Gateway.Reply presign(DemoDistrict d, Map<String, String> caller, String type, long size) {
        return Gateway.post(caller, "/checkin/photos", Map.of("gridCode", d.gridA1, "contentType", type, "size", size));
    }

    /** Uploads {@code photo} as the caller through a presigned URL; returns the upload's key. */
    static String uploaded(DemoDistrict d, Map<String, String> caller, byte[] photo) throws Exception {
        Gateway.Reply upload = presign(d, caller, "image/jpeg", photo.length);
        assertEquals(201, upload.status(), upload::toString);
        assertEquals(200, put(upload, "image/jpeg", photo), "the signed upload is accepted");
        return upload.json().getString("key");
    }

    static Map<String, Object> withPhotos(String grid, List<String> keys, boolean keepLocation) {
        Map<String, Object> body = ServiceRecordTest.service(grid, 60, List.of());
        body.put("photos", keys);
        body.put("keepLocation", keepLocation);
        return body;
    }

    @Test
    void theLocationIsRemovedUnlessKeptAndPhotosAreSeenThroughPresignedUrls() throws Exception {
        DemoDistrict d = DemoDistrict.create();
        Map<String, String> member = Members.member(d, "photo", d.communityA);
        byte[] photo = jpegWithLocation();
        assertNotNull(exifOf(photo).getGpsInfo(), "the test photo carries a location");

        String upload = uploaded(d, member, photo);
        Gateway.Reply logged = Gateway.post(member, "/checkin/services", withPhotos(d.gridA1, List.of(upload), false));
        assertEquals(201, logged.status(), logged::toString);
        String id = logged.json().getString("id");
        assertEquals(List.of("services/" + id + "/1.jpg"), logged.json().getList("photos"));

        Gateway.Reply view = Gateway.get(member, "/checkin/services/" + id);
        assertEquals(200, view.status(), view::toString);
        byte[] kept = get(view.json().getString("photoUrls[0]"));
        TiffImageMetadata exif = exifOf(kept);
        assertNull(exif.findField(GpsTagConstants.GPS_TAG_GPS_LATITUDE), "no latitude is kept");
        assertNull(exif.findField(GpsTagConstants.GPS_TAG_GPS_LONGITUDE), "no longitude is kept");
        assertNotNull(exif.findField(TiffTagConstants.TIFF_TAG_ORIENTATION), "the rest of the EXIF stays");
        assertEquals(64, ImageIO.read(new java.io.ByteArrayInputStream(kept)).getWidth(), "the picture is intact");
        Gateway.Reply gone = Gateway.post(member, "/checkin/services", withPhotos(d.gridA1, List.of(upload), false));
        assertEquals("PHOTO_NOT_FOUND", gone.json().getString("errors[0].code"), () -> "a kept upload is removed: " + gone);

        String located = uploaded(d, member, photo);
        Gateway.Reply keeping = Gateway.post(member, "/checkin/services", withPhotos(d.gridA1, List.of(located), true));
        assertEquals(201, keeping.status(), keeping::toString);
        byte[] withLocation = get(Gateway.get(member, "/checkin/services/" + keeping.json().getString("id")).json()
                .getString("photoUrls[0]"));
        assertEquals(116.4039, exifOf(withLocation).getGpsInfo().getLongitudeAsDegreesEast(), 0.0001, "kept when the member asks");

        Gateway.Reply foreign = Gateway.get(d.leaderB1, "/checkin/services/" + id);
        assertEquals(403, foreign.status(), foreign::toString);
        Gateway.Reply staff = Gateway.get(d.workerA1, "/checkin/services/" + id);
        assertEquals(200, staff.status(), staff::toString);
    }

    @Test
    void theSignedTypeAndLengthHoldAndBadPhotosAreRefused() throws Exception {
        DemoDistrict d = DemoDistrict.create();
        Map<String, String> member = Members.member(d, "bad-photo", d.communityA);
        byte[] photo = jpegWithLocation();

        Gateway.Reply upload = presign(d, member, "image/jpeg", photo.length);
        assertEquals(Map.of("Content-Type", "image/jpeg", "Content-Length", Integer.toString(photo.length)),
                upload.json().getMap("headers"));
        assertEquals(403, put(upload, "image/png", photo), "another content type than the signed one is refused");
        byte[] longer = java.util.Arrays.copyOf(photo, photo.length + 100);
        assertEquals(403, put(upload, "image/jpeg", longer), "another length than the signed one is refused");

        Gateway.Reply oversize = presign(d, member, "image/jpeg", 5 * 1024 * 1024 + 1);
        assertEquals(400, oversize.status(), oversize::toString);
        assertEquals("application/problem+json", oversize.header("Content-Type"));
        assertEquals("TOO_LARGE", oversize.json().getString("errors[0].code"));
        Gateway.Reply gif = presign(d, member, "image/gif", 100);
        assertEquals("UNSUPPORTED_TYPE", gif.json().getString("errors[0].code"), gif::toString);

        Gateway.Reply never = Gateway.post(member, "/checkin/services", withPhotos(d.gridA1, List.of(upload.json().getString("key")), false));
        assertEquals("PHOTO_NOT_FOUND", never.json().getString("errors[0].code"), never::toString);
        String othersUpload = uploaded(d, Members.member(d, "someone-else", d.communityA), photo);
        Gateway.Reply notYours = Gateway.post(member, "/checkin/services", withPhotos(d.gridA1, List.of(othersUpload), false));
        assertEquals("PHOTO_NOT_YOURS", notYours.json().getString("errors[0].code"), notYours::toString);
        assertEquals("photos[0]", notYours.json().getString("errors[0].field"));

        Gateway.Reply text = presign(d, member, "image/jpeg", 11);
        assertEquals(200, put(text, "image/jpeg", "not a photo".getBytes()));
        Gateway.Reply fake = Gateway.post(member, "/checkin/services", withPhotos(d.gridA1, List.of(text.json().getString("key")), false));
        assertEquals("PHOTO_TYPE", fake.json().getString("errors[0].code"), () -> "what was uploaded must be that image: " + fake);
        assertEquals(400, fake.status());
    }
}
