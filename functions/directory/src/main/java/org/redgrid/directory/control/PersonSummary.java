package org.redgrid.directory.control;

import java.util.Set;

import org.redgrid.directory.entity.PartyStatus;
import org.redgrid.directory.entity.Person;
import org.redgrid.directory.entity.Position;

/** A line of a people listing: enough to find and contact someone, phone still to be masked by the caller. */
public record PersonSummary(String id, String name, String phone, String nodeCode, PartyStatus partyStatus, Set<String> posts) {

    static PersonSummary of(Person p) {
        return new PersonSummary(p.id(), p.name(), p.phone(), p.homeNodeCode(), p.partyStatus(), p.posts());
    }

    static PersonSummary of(Position p) {
        return new PersonSummary(p.personId(), p.holderName(), p.holderPhone(), p.nodeCode(), null, Set.of(p.summary()));
    }
}
