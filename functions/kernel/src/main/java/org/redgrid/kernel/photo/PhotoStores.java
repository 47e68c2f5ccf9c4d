package org.redgrid.kernel.photo;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.redgrid.kernel.security.Guard;

/** Opens a domain's {@link PhotoStore} on its own bucket, with the shared S3 clients, caller and clock. */
@ApplicationScoped
public class PhotoStores {

    @Inject
    ObjectStorage storage;

    @Inject
    Guard guard;

    @Inject
    Clock clock;

    public PhotoStore bucket(String name, long maxBytes) {
        return new PhotoStore(storage, guard, clock, name, maxBytes);
    }
}
