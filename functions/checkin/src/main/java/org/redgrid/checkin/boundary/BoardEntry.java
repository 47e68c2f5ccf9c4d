package org.redgrid.checkin.boundary;

import org.redgrid.checkin.entity.MemberRegistration;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One line of the public board (亮身份公示): name, employer, building; the phone only with the member's consent. */
@RegisterForReflection
public record BoardEntry(String name, String employerName, String homeName, String gridCode, String phone) {

    public static BoardEntry of(MemberRegistration r) {
        return new BoardEntry(r.name(), r.employerName(), r.homeName(), r.gridCode(), r.showPhone() ? r.phone() : null);
    }
}
