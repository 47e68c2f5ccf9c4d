package org.redgrid.kernel.security;

import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import io.quarkus.runtime.StartupEvent;

/**
 * Refuses to start a function whose role table grants a permission that none of its domains declares: a typo in
 * {@link Role} would otherwise silently grant nothing. Only the domains the application carries are checked (the
 * part before the first dot), so a domain's tests, which assemble that domain alone, start with a role table that
 * also grants other domains' permissions; the assembled application carries every domain and checks them all.
 */
public class RoleTableCheck {

    void check(@Observes StartupEvent start, Instance<DomainPermissions> domains) {
        Set<String> declared = new TreeSet<>();
        domains.forEach(d -> declared.addAll(d.permissions().keySet()));
        Set<String> granted = new TreeSet<>();
        for (Role role : Role.values()) {
            granted.addAll(role.permissions());
        }
        Set<String> domainsHere = new TreeSet<>();
        declared.forEach(p -> domainsHere.add(domain(p)));
        granted.removeIf(p -> declared.contains(p) || !domainsHere.contains(domain(p)));
        if (!granted.isEmpty()) {
            throw new IllegalStateException("the role table grants undeclared permissions: " + granted);
        }
    }

    private static String domain(String permission) {
        int dot = permission.indexOf('.');
        return dot < 0 ? permission : permission.substring(0, dot);
    }
}
