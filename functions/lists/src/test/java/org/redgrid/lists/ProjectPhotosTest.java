package org.redgrid.lists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.redgrid.testkit.PhotoFiles.exifOf;
import static org.redgrid.testkit.PhotoFiles.get;
import static org.redgrid.testkit.PhotoFiles.jpegWithLocation;
import static org.redgrid.testkit.PhotoFiles.put;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.imaging.formats.tiff.TiffImageMetadata;
import org.apache.commons.imaging.formats.tiff.constants.GpsTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.junit.jupiter.api.Test;
import org.redgrid.infra.dynamodb.DynamoEngineResource;
import org.redgrid.testkit.Gateway;
import org.redgrid.testkit.ObjectStoreResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Outcome photos of a project through the real presigned flow against the object store (s3rver): the admin asks
 * for an upload URL, PUTs a real JPEG carrying a GPS position, completes the project naming the upload, and the
 * project keeps a copy without the position under projects/&lt;id&gt;/, seen through a presigned URL; another's
 * upload and a file that is not the image it claims are refused on the field, leaving the project in progress.
 */
@QuarkusTest
@QuarkusTestResource(DynamoEngineResource.class)
@QuarkusTestResource(ObjectStoreResource.class)
class ProjectPhotosTest {

    static Gateway.Reply presign(Map<String, String> caller, String project, String type, long size) {
        return Gateway.post(caller, "/lists/projects/" + project + "/photos", Map.of("contentType", type, "size", size));
    }

    /** Uploads {@code body} as {@code type} for the project as the caller; returns the upload's key. */
    static String uploaded(Map<String, String> caller, String project, String type, byte[] body) throws Exception {
        Gateway.Reply upload = presign(caller, project, type, body.length);
        assertEquals(201, upload.status(), upload::toString);
        assertEquals(200, put(upload, type, body), "the signed upload is accepted");
        return upload.json().getString("key");
    }

    static Map<String, Object> completion(List<String> photos) {
        Map<String, Object> body = new HashMap<>(ListsWorld.completion("m1"));
        body.put("outcomePhotos", photos);
        return body;
    }

    @Test
    void outcomePhotosAreKeptWithoutTheirLocationAndSeenThroughPresignedUrls() throws Exception {
        ListsWorld w = new ListsWorld();
        String project = w.advanced(w.projectA(false), "start", null);
        byte[] photo = jpegWithLocation();
        String upload = uploaded(w.d.adminA, project, "image/jpeg", photo);

        Gateway.Reply gif = presign(w.d.adminA, project, "image/gif", 100);
        assertEquals(400, gif.status(), gif::toString);
        assertEquals("UNSUPPORTED_TYPE", gif.json().getString("errors[0].code"));
        String text = uploaded(w.d.adminA, project, "image/jpeg", "not a photo".getBytes());
        Gateway.Reply fake = Gateway.post(w.d.adminA, "/lists/projects/" + project + "/complete", completion(List.of(upload, text)));
        assertEquals(400, fake.status(), fake::toString);
        assertEquals("PHOTO_TYPE", fake.json().getString("errors[0].code"), "what was uploaded must be that image");
        assertEquals("outcomePhotos[1]", fake.json().getString("errors[0].field"));
        String projectB = Gateway.post(w.d.adminB, "/lists/projects", ListsWorld.project(w.d.communityB, false)).json().getString("id");
        String othersUpload = uploaded(w.d.adminB, projectB, "image/jpeg", photo);
        Gateway.Reply notYours = Gateway.post(w.d.adminA, "/lists/projects/" + project + "/complete", completion(List.of(othersUpload)));
        assertEquals(400, notYours.status(), notYours::toString);
        assertEquals("PHOTO_NOT_YOURS", notYours.json().getString("errors[0].code"));
        assertEquals("outcomePhotos[0]", notYours.json().getString("errors[0].field"));

        Gateway.Reply done = Gateway.post(w.d.adminA, "/lists/projects/" + project + "/complete", completion(List.of(upload)));
        assertEquals(200, done.status(), done::toString);
        List<String> kept = done.json().getList("outcomePhotoKeys");
        assertEquals(1, kept.size(), done::toString);
        assertTrue(kept.get(0).startsWith("projects/" + project + "/") && kept.get(0).endsWith("/1.jpg"), kept::toString);

        Gateway.Reply view = Gateway.get(w.memberA, "/lists/projects/" + project);
        assertEquals(200, view.status(), view::toString);
        assertEquals("DONE", view.json().getString("status"), "the project's own fields stay at the top level");
        byte[] seen = get(view.json().getString("photoUrls[0]"));
        TiffImageMetadata exif = exifOf(seen);
        assertNull(exif.findField(GpsTagConstants.GPS_TAG_GPS_LATITUDE), "no latitude is kept");
        assertNull(exif.findField(GpsTagConstants.GPS_TAG_GPS_LONGITUDE), "no longitude is kept");
        assertNotNull(exif.findField(TiffTagConstants.TIFF_TAG_ORIENTATION), "the rest of the EXIF stays");

        w.advanced(project, "evaluate", Map.of("rating", 5));
        Gateway.Reply late = presign(w.d.adminA, project, "image/jpeg", 1000);
        assertEquals(409, late.status(), late::toString);
        assertEquals("PROJECT_STATE", late.json().getString("code"));
    }
}
