package org.redgrid.checkin.boundary;

import java.util.List;

import org.redgrid.checkin.control.Rosters;
import org.redgrid.checkin.entity.RosterTally;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An employer's registration rate from its roster (报到率): roster members, those registered (waiting or
 * confirmed), those confirmed, confirmed / roster, and the same counts per community where they registered.
 */
@RegisterForReflection
public record RateView(String code, String name, long rostered, long registered, long confirmed, double registrationRate,
        List<Community> communities) {

    /** Roster members registered and confirmed at one community. */
    @RegisterForReflection
    public record Community(String communityCode, long registered, long confirmed) {
    }

    static RateView of(Rosters.Rate r) {
        RosterTally t = r.tally();
        return new RateView(r.employer().code(), r.employer().name(), t.rostered(), t.registered(), t.confirmed(),
                RosterTally.rate(t.confirmed(), t.rostered()),
                t.communities().entrySet().stream().filter(c -> c.getValue()[0] != 0 || c.getValue()[1] != 0)
                        .map(c -> new Community(c.getKey(), c.getValue()[0], c.getValue()[1])).toList());
    }
}
