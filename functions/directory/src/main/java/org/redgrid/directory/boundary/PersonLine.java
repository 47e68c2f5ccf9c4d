package org.redgrid.directory.boundary;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

import org.redgrid.directory.control.PersonSummary;
import org.redgrid.directory.control.PersonalData;
import org.redgrid.directory.entity.PartyStatus;

/** A line of a people listing; the phone is always masked in listings. */
@RegisterForReflection
public record PersonLine(String id, String name, String phone, String nodeCode, PartyStatus partyStatus, List<String> posts) {

    static PersonLine of(PersonSummary s) {
        return new PersonLine(s.id(), s.name(), PersonalData.maskPhone(s.phone()), s.nodeCode(), s.partyStatus(),
                s.posts().stream().sorted().toList());
    }
}
