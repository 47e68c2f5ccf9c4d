package org.redgrid.checkin.boundary;

import org.redgrid.checkin.entity.RegistrationTally;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Registration counts (报到统计) of a grid node or an employer unit. */
@RegisterForReflection
public record TallyView(String of, long registered, long pending, long confirmed, long rejected) {

    public static TallyView of(String of, RegistrationTally t) {
        return new TallyView(of, t.registered(), t.pending(), t.confirmed(), t.rejected());
    }
}
