package org.redgrid.kernel.security;

import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import io.quarkus.runtime.StartupEvent;

/**
 * Refuses to start a function whose role table grants a permission that none of its domains declares: a typo in
 * {@link Role} would otherwise silently grant nothing.
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
        if (!granted.isEmpty()) {
            throw new IllegalStateException("the role table grants undeclared permissions: " + granted);
        }
    }
}
