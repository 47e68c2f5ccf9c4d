package org.redgrid.kernel.photo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.redgrid.kernel.problem.ProblemException;
import org.redgrid.kernel.security.Guard;
import org.redgrid.kernel.time.Ids;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * A domain's private bucket of photos (照片): uploaded by the browser or phone straight to the bucket with a presigned
 * PUT whose content type and length are signed, under the caller's own prefix {@code uploads/<owner>/}. When a record
 * names them, each is checked (there, the caller's, an allowed type and size, really that kind of image), its
 * location removed unless the uploader keeps it, and kept under the record's prefix; uploads no record takes expire
 * (the bucket's lifecycle rule on {@code uploads/}). Photos are seen through presigned GET URLs only. The domain
 * checks who may upload and keep for what; this checks the photos. Opened by {@link PhotoStores}.
 */
public final class PhotoStore {

    static final Map<String, String> TYPES = Map.of("image/jpeg", "jpg", "image/png", "png", "image/webp", "webp");
    static final Duration UPLOAD_VALID = Duration.ofMinutes(10);
    static final Duration VIEW_VALID = Duration.ofMinutes(15);
    /** The name {@link #presign} gives an upload under the caller's prefix: an id and the type's extension. */
    private static final Pattern UPLOAD_NAME = Pattern.compile("[0-9A-Z]{22}\\.(jpg|png|webp)");

    private final ObjectStorage storage;
    private final Guard guard;
    private final Clock clock;
    private final String bucket;
    private final long maxBytes;

    PhotoStore(ObjectStorage storage, Guard guard, Clock clock, String bucket, long maxBytes) {
        this.storage = storage;
        this.guard = guard;
        this.clock = clock;
        this.bucket = bucket;
        this.maxBytes = maxBytes;
    }

    /** A presigned PUT of one photo of this type and exact size under the caller's prefix; 400 on the fields otherwise. */
    public Upload presign(String contentType, long size) {
        String extension = TYPES.get(contentType);
        if (extension == null) {
            throw ProblemException.invalidField("contentType", "UNSUPPORTED_TYPE", "只能上传 JPEG、PNG 或 WebP 照片");
        }
        if (size > maxBytes) {
            throw ProblemException.invalidField("size", "TOO_LARGE", "照片不能超过 " + maxBytes / (1024 * 1024) + " MB");
        }
        String key = ownPrefix() + Ids.newId(clock.instant()) + "." + extension;
        PresignedPutObjectRequest signed = storage.presigner().presignPutObject(p -> p.signatureDuration(UPLOAD_VALID)
                .putObjectRequest(o -> o.bucket(bucket).key(key).contentType(contentType).contentLength(size)));
        return new Upload(key, signed.url().toString(), "PUT", Map.of("Content-Type", contentType,
                "Content-Length", Long.toString(size)), signed.expiration().toString(), maxBytes);
    }

    /**
     * Checks the caller's uploads and keeps them as {@code <targetPrefix><n>.<ext>} (n from 1), located or not;
     * returns the kept keys. Refusals are 400 on {@code <field>[i]}: PHOTO_NOT_YOURS, PHOTO_NOT_FOUND, PHOTO_TYPE,
     * PHOTO_TOO_LARGE; after one, no copy stays.
     */
    public List<String> keep(List<String> uploads, String field, String targetPrefix, boolean keepLocation) {
        List<String> kept = new ArrayList<>();
        try {
            for (int i = 0; i < uploads.size(); i++) {
                kept.add(keepOne(uploads.get(i), field + "[" + i + "]", targetPrefix + (i + 1), keepLocation));
            }
        } catch (ProblemException refused) {
            // All or none: a record that is refused keeps no copies.
            discardUploads(kept);
            throw refused;
        }
        return kept;
    }

    private String keepOne(String key, String field, String target, boolean keepLocation) {
        if (!key.startsWith(ownPrefix())) {
            throw ProblemException.invalidField(field, "PHOTO_NOT_YOURS", "只能使用本人上传的照片");
        }
        if (!UPLOAD_NAME.matcher(key.substring(ownPrefix().length())).matches()) {
            throw notFound(field);
        }
        HeadObjectResponse head = head(field, key);
        String type = head.contentType();
        if (!TYPES.containsKey(type)) {
            throw ProblemException.invalidField(field, "PHOTO_TYPE", "只能使用 JPEG、PNG 或 WebP 照片");
        }
        if (head.contentLength() > maxBytes) {
            throw ProblemException.invalidField(field, "PHOTO_TOO_LARGE", "照片不能超过 " + maxBytes / (1024 * 1024) + " MB");
        }
        byte[] bytes = storage.client().getObjectAsBytes(g -> g.bucket(bucket).key(key)).asByteArray();
        byte[] stored = PhotoLocation.is(bytes, type) ? (keepLocation ? bytes : PhotoLocation.strip(bytes, type)) : null;
        if (stored == null) {
            throw ProblemException.invalidField(field, "PHOTO_TYPE", "照片内容与类型不符或已损坏");
        }
        String kept = target + "." + TYPES.get(type);
        storage.client().putObject(p -> p.bucket(bucket).key(kept).contentType(type), RequestBody.fromBytes(stored));
        return kept;
    }

    /** Removes objects: uploads once a record has kept them (the lifecycle rule would, later), or refused copies. */
    public void discardUploads(List<String> uploads) {
        uploads.forEach(key -> storage.client().deleteObject(d -> d.bucket(bucket).key(key)));
    }

    /** Presigned GET URLs of kept photos, valid for {@link #VIEW_VALID}. */
    public List<String> viewUrls(List<String> keys) {
        return keys.stream().map(key -> storage.presigner().presignGetObject(p -> p.signatureDuration(VIEW_VALID)
                .getObjectRequest(g -> g.bucket(bucket).key(key))).url().toString()).toList();
    }

    private HeadObjectResponse head(String field, String key) {
        try {
            return storage.client().headObject(h -> h.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            throw notFound(field);
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw notFound(field);
            }
            throw e;
        }
    }

    private static ProblemException notFound(String field) {
        return ProblemException.invalidField(field, "PHOTO_NOT_FOUND", "照片尚未上传或已过期，请重新上传");
    }

    /** The caller's upload prefix: a digest of the login, so that no login text ends up in a key. */
    private String ownPrefix() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(guard.caller().username().getBytes(StandardCharsets.UTF_8));
            return "uploads/" + HexFormat.of().formatHex(digest, 0, 12) + "/";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
