package org.redgrid.checkin.boundary;

import org.redgrid.checkin.control.PhoneKey;
import org.redgrid.checkin.entity.Employer;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** An employer unit of the registry (工作单位) as the API shows it: the contact's phone masked. */
@RegisterForReflection
public record EmployerView(String code, String name, String nodeCode, String nodeName, String contactName,
        String contactPhone, long rosterRows, String rosterUploadedAt, long version, String createdAt) {

    static EmployerView of(Employer e) {
        return new EmployerView(e.code(), e.name(), e.nodeCode(), e.nodeName(), e.contactName(),
                PhoneKey.mask(e.contactPhone()), e.rosterRows(), e.rosterUploadedAt(), e.version(),
                e.createdAt());
    }
}
