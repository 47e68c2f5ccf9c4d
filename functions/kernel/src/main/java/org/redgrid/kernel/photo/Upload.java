package org.redgrid.kernel.photo;

import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What a browser or phone needs to upload one photo (上传照片): PUT the file to {@code uploadUrl} with exactly
 * {@code headers} before {@code expiresAt}; {@code key} is what the record that keeps it then names.
 */
@RegisterForReflection
public record Upload(String key, String uploadUrl, String method, Map<String, String> headers, String expiresAt,
        long maxBytes) {
}
