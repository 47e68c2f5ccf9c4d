package org.redgrid.kernel.photo;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.redgrid.kernel.security.Guard;

/**
 * Opens a domain's {@link PhotoStore} on its own bucket, with the shared S3 clients, caller and clock. A domain names
 * its configuration prefix: {@code <prefix>.photo-bucket} (the bucket template.yaml gives its function) and
 * {@code <prefix>.photo-max-bytes}.
 */
@ApplicationScoped
public class PhotoStores {

    @Inject
    ObjectStorage storage;

    @Inject
    Guard guard;

    @Inject
    Clock clock;

    public PhotoStore configured(String prefix) {
        Config config = ConfigProvider.getConfig();
        return new PhotoStore(storage, guard, clock, config.getValue(prefix + ".photo-bucket", String.class),
                config.getValue(prefix + ".photo-max-bytes", Long.class));
    }
}
