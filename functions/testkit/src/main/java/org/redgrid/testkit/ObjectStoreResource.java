package org.redgrid.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The real object store for Quarkus tests: one {@link ObjectStore} per test JVM (shared by every test class and
 * restart), files in a temporary folder, with each domain's photo bucket; the functions sign their presigned URLs for it.
 */
public class ObjectStoreResource implements QuarkusTestResourceLifecycleManager {

    /** The photo bucket's name in tests (template.yaml names the real one). */
    public static final String BUCKET = "redgrid-photos";
    /** The lists' photo bucket in tests (template.yaml's ListsPhotoBucket). */
    public static final String LISTS_BUCKET = "redgrid-lists-photos";

    private static ObjectStore store;

    public static synchronized ObjectStore store() {
        if (store == null) {
            try {
                store = ObjectStore.start(Files.createTempDirectory("redgrid-s3"), List.of(BUCKET, LISTS_BUCKET), List.of(), System.err);
            } catch (IOException e) {
                throw new IllegalStateException("no temporary folder for the object store", e);
            }
        }
        return store;
    }

    @Override
    public Map<String, String> start() {
        return Map.of("redgrid.s3.endpoint", store().endpoint().toString(),
                "redgrid.s3.access-key", ObjectStore.ACCESS_KEY,
                "redgrid.s3.secret-key", ObjectStore.SECRET_KEY,
                "redgrid.checkin.photo-bucket", BUCKET,
                "redgrid.lists.photo-bucket", LISTS_BUCKET);
    }

    @Override
    public void stop() {
        // The store outlives each Quarkus application: it stops with the JVM.
    }
}
