package org.redgrid.kernel.security;

import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import io.quarkus.runtime.StartupEvent;

/**
 * Refuses to start a function whose role table grants a permission that none of its domains declares: a typo in
 * {@link Role} would otherwise silently grant nothing. Permissions of a domain the running application does not
 * carry (a domain module tested on its own) are left to the assembled application, which carries every domain.
 */
public class RoleTableCheck {

    void check(@Observes StartupEvent start, Instance<DomainPermissions> domains) {
        Set<String> declared = new TreeSet<>();
        domains.forEach(d -> declared.addAll(d.permissions().keySet()));
        Set<String> granted = new TreeSet<>();
        for (Role role : Role.values()) {
            granted.addAll(role.permissions());
        }
        granted.removeAll(declared);
        Set<String> carried = new TreeSet<>();
        declared.forEach(p -> carried.add(domainOf(p)));
        granted.removeIf(p -> !carried.contains(domainOf(p)));
        if (!granted.isEmpty()) {
            throw new IllegalStateException("the role table grants undeclared permissions: " + granted);
        }
    }

    private static String domainOf(String permission) {
        int dot = permission.indexOf('.');
        return dot < 0 ? permission : permission.substring(0, dot);
    }
}
