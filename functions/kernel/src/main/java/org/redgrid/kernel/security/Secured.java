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

    /** For endpoints any signed-in caller may use, whatever their roles (e.g. "what may I do"). */
    String SIGNED_IN = "signed-in";

    /** A permission a domain declares (see {@link DomainPermissions}), or {@link #SIGNED_IN}. */
    String value();
}
