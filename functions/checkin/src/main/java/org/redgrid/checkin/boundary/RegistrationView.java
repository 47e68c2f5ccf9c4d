package org.redgrid.checkin.boundary;

import java.util.List;

import org.redgrid.checkin.entity.MemberRegistration;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A registration (报到) as the member and the reviewing staff see it. The phone is shown only to the member
 * themself; staff call the member through the directory, whose unmasked reads are audited.
 */
@RegisterForReflection
public record RegistrationView(String memberId, String name, String phone, boolean showPhone, String employerCode,
        String employerName, String homeCode, String homeName, String gridCode, List<String> skills, String availability,
        String status, String reason, String reviewedBy, long version, String createdAt, String updatedAt) {

    public static RegistrationView of(MemberRegistration r, boolean own) {
        return new RegistrationView(r.memberId(), r.name(), own ? r.phone() : null, r.showPhone(), r.employerCode(),
                r.employerName(), r.homeCode(), r.homeName(), r.gridCode(), r.skills(), r.availability(), r.status().name(),
                r.reason(), r.reviewedBy(), r.version(), r.createdAt(), r.updatedAt());
    }
}
