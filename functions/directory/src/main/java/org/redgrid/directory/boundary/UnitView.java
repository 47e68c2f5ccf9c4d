package org.redgrid.directory.boundary;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

import org.redgrid.directory.control.PersonalData;
import org.redgrid.directory.entity.PartnerUnit;

/** A partner unit as the API shows it; contact phones masked unless this read revealed them. */
@RegisterForReflection
public record UnitView(String id, String name, String kind, String nodeCode, String address, List<ContactView> contacts,
        boolean phonesMasked, long version, String createdAt, String updatedAt) {

    /** A contact of the unit. */
    @RegisterForReflection
    public record ContactView(String name, String title, String phone) {
    }

    static UnitView of(PartnerUnit u, boolean revealed) {
        List<ContactView> contacts = u.contacts().stream()
                .map(c -> new ContactView(c.name(), c.title(), revealed ? c.phone() : PersonalData.maskPhone(c.phone()))).toList();
        return new UnitView(u.id(), u.name(), u.kind(), u.nodeCode(), u.address(), contacts, !revealed, u.version(),
                u.createdAt(), u.updatedAt());
    }
}
