package org.redgrid.kernel.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission an endpoint needs. {@link SecurityFilter} refuses every resource method without it, so an
 * endpoint cannot be published unguarded by forgetting it. The grid scope of the target is then checked by
 * {@link Guard} once the target's path is known.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Secured {
    Permission value();
}
