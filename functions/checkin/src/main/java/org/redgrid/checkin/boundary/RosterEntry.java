package org.redgrid.checkin.boundary;

import org.redgrid.checkin.control.Rosters;
import org.redgrid.checkin.entity.RegisteredPhone;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One person of an employer's roster and whether they have registered (花名册报到情况): where, and how the
 * registration stands (a rejected one is shown with its status but not counted as registered); the phone masked.
 */
@RegisterForReflection
public record RosterEntry(String name, String phone, String post, boolean registered, String status, String memberId,
        String homeName, String gridCode, String communityCode) {

    static RosterEntry of(Rosters.Entry e) {
        var m = e.match();
        return new RosterEntry(e.row().name(), e.row().phoneMasked(), e.row().post(), m != null && RegisteredPhone.registered(m.status()),
                m == null ? null : m.status().name(), m == null ? null : m.memberId(), m == null ? null : m.homeName(),
                m == null ? null : m.gridCode(), m == null ? null : m.communityCode());
    }
}
