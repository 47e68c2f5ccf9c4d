package org.redgrid.directory.boundary;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

import org.redgrid.directory.entity.Household;

/** A household as the API shows it; {@code members} only when one household is read. */
@RegisterForReflection
public record HouseholdView(String id, String nodeCode, String address, String label, List<PersonLine> members,
        long version, String createdAt) {

    static HouseholdView of(Household h, List<PersonLine> members) {
        return new HouseholdView(h.id(), h.nodeCode(), h.address(), h.label(), members, h.version(), h.createdAt());
    }
}
