package org.redgrid.directory.boundary;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;
import java.util.Map;

import org.redgrid.directory.control.NodeNames;
import org.redgrid.directory.entity.Household;

/**
 * A household as the API shows it; {@code members} only when one household is read. {@code nodeName} and
 * {@code pathNames} (root → node) name where it is registered.
 */
@RegisterForReflection
public record HouseholdView(String id, String nodeCode, String nodeName, List<String> pathNames, String address, String label,
        List<PersonLine> members, long version, String createdAt) {

    static HouseholdView of(Household h, List<PersonLine> members, Map<String, String> names) {
        return new HouseholdView(h.id(), h.nodeCode(), names.get(h.nodeCode()), NodeNames.along(h.nodePath(), names), h.address(),
                h.label(), members, h.version(), h.createdAt());
    }
}
