package org.redgrid.checkin.boundary;

import org.redgrid.checkin.entity.MemberRegistration;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One of an employer unit's staff as the unit sees them (本单位人员报到情况): where they registered and its status. */
@RegisterForReflection
public record StaffEntry(String memberId, String name, String homeName, String gridCode, String status, String reason) {

    public static StaffEntry of(MemberRegistration r) {
        return new StaffEntry(r.memberId(), r.name(), r.homeName(), r.gridCode(), r.status().name(), r.reason());
    }
}
