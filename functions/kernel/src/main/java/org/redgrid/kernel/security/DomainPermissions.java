package org.redgrid.kernel.security;

import java.util.Map;

/**
 * The permissions one domain declares (权限声明), as a CDI bean of that domain's module. Names are
 * {@code <domain>.<thing>.<action>} strings; the domain keeps them as constants for {@link Secured}, and
 * {@link Role} grants them to roles.
 */
public interface DomainPermissions {

    /** Each permission's name and its zh-CN description. */
    Map<String, String> permissions();
}
