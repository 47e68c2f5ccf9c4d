package org.redgrid.checkin.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.redgrid.kernel.problem.ProblemException;
import org.redgrid.kernel.security.Guard;
import org.redgrid.kernel.time.Ids;

import io.quarkus.runtime.annotations.RegisterForReflection;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * Photos of service records (服务纪实照片), uploaded by the phone straight to the private bucket with a presigned
 * PUT whose content type and length are signed, under the caller's own prefix {@code uploads/<owner>/}. When a record
 * names them, each is checked (there, the caller's, an allowed type and size, really that kind of image), its
 * location removed unless the member keeps it, and kept under {@code services/<record id>/}; uploads no record takes
 * expire (the bucket's lifecycle rule). Photos are seen through presigned GET URLs only.
 */
@ApplicationScoped
public class Photos {

    static final Map<String, String> TYPES = Map.of("image/jpeg", "jpg", "image/png", "png", "image/webp", "webp");
    static final Duration UPLOAD_VALID = Duration.ofMinutes(10);
    static final Duration VIEW_VALID = Duration.ofMinutes(15);
    /** The name {@link #presign} gives an upload under the caller's prefix: an id and the type's extension. */
    private static final java.util.regex.Pattern UPLOAD_NAME = java.util.regex.Pattern.compile("[0-9A-Z]{22}\\.(jpg|png|webp)");

    /** What the phone needs to upload one photo: PUT the file to {@code uploadUrl} with exactly {@code headers}. */
    @RegisterForReflection
    public record Upload(String key, String uploadUrl, String method, Map<String, String> headers, String expiresAt,
            long maxBytes) {
    }

    @Inject
    PhotoBucket bucket;

    @Inject
    Guard guard;

    @Inject
    CheckinGrid grid;

    @Inject
    Clock clock;

    @ConfigProperty(name = "redgrid.checkin.photo-max-bytes")
    long maxBytes;

    public Upload presign(NewPhoto photo) {
        guard.require(CheckinPermissions.SERVICE_WRITE, grid.gridNamed("gridCode", photo.gridCode(), "服务照片须属于网格的服务纪实").path());
        String extension = TYPES.get(photo.contentType());
        if (extension == null) {
            throw ProblemException.invalidField("contentType", "UNSUPPORTED_TYPE", "只能上传 JPEG、PNG 或 WebP 照片");
        }
        if (photo.size() > maxBytes) {
            throw ProblemException.invalidField("size", "TOO_LARGE", "照片不能超过 " + maxBytes / (1024 * 1024) + " MB");
        }
        Instant now = clock.instant();
        String key = ownPrefix() + Ids.newId(now) + "." + extension;
        PresignedPutObjectRequest signed = bucket.presigner().presignPutObject(p -> p.signatureDuration(UPLOAD_VALID)
                .putObjectRequest(o -> o.bucket(bucket.name()).key(key).contentType(photo.contentType())
                        .contentLength(photo.size())));
        return new Upload(key, signed.url().toString(), "PUT", Map.of("Content-Type", photo.contentType(),
                "Content-Length", Long.toString(photo.size())), signed.expiration().toString(), maxBytes);
    }

    /**
     * Checks the caller's uploads and keeps them for a record, located or not; returns the kept keys. Refusals are
     * 400 on the field {@code photos[i]}.
     */
    public List<String> keep(List<String> uploads, String recordId, boolean keepLocation) {
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < uploads.size(); i++) {
            String field = "photos[" + i + "]";
            String key = uploads.get(i);
            if (!key.startsWith(ownPrefix())) {
                throw ProblemException.invalidField(field, "PHOTO_NOT_YOURS", "只能使用本人上传的照片");
            }
            if (!UPLOAD_NAME.matcher(key.substring(ownPrefix().length())).matches()) {
                throw ProblemException.invalidField(field, "PHOTO_NOT_FOUND", "照片尚未上传或已过期，请重新上传");
            }
            HeadObjectResponse head = head(field, key);
            String type = head.contentType();
            if (!TYPES.containsKey(type)) {
                throw ProblemException.invalidField(field, "PHOTO_TYPE", "只能使用 JPEG、PNG 或 WebP 照片");
            }
            if (head.contentLength() > maxBytes) {
                throw ProblemException.invalidField(field, "PHOTO_TOO_LARGE", "照片不能超过 " + maxBytes / (1024 * 1024) + " MB");
            }
            byte[] bytes = bucket.client().getObjectAsBytes(g -> g.bucket(bucket.name()).key(key)).asByteArray();
            byte[] stored = PhotoLocation.is(bytes, type) ? (keepLocation ? bytes : PhotoLocation.strip(bytes, type)) : null;
            if (stored == null) {
                throw ProblemException.invalidField(field, "PHOTO_TYPE", "照片内容与类型不符或已损坏");
            }
            String target = "services/" + recordId + "/" + (i + 1) + "." + TYPES.get(type);
            bucket.client().putObject(p -> p.bucket(bucket.name()).key(target).contentType(type), RequestBody.fromBytes(stored));
            kept.add(target);
        }
        return kept;
    }

    /** Removes uploads once a record has kept them (the lifecycle rule would, later). */
    public void discardUploads(List<String> uploads) {
        uploads.forEach(key -> bucket.client().deleteObject(d -> d.bucket(bucket.name()).key(key)));
    }

    /** Presigned GET URLs of kept photos, valid for {@link #VIEW_VALID}. */
    public List<String> viewUrls(List<String> keys) {
        return keys.stream().map(key -> bucket.presigner().presignGetObject(p -> p.signatureDuration(VIEW_VALID)
                .getObjectRequest(g -> g.bucket(bucket.name()).key(key))).url().toString()).toList();
    }

    private HeadObjectResponse head(String field, String key) {
        try {
            return bucket.client().headObject(h -> h.bucket(bucket.name()).key(key));
        } catch (NoSuchKeyException e) {
            throw ProblemException.invalidField(field, "PHOTO_NOT_FOUND", "照片尚未上传或已过期，请重新上传");
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw ProblemException.invalidField(field, "PHOTO_NOT_FOUND", "照片尚未上传或已过期，请重新上传");
            }
            throw e;
        }
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
