package org.redgrid.lists.control;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Calendar months ("2026-11") in the deployment's time zone: resource capacity and the monthly indicators use them. */
@ApplicationScoped
public class Months {

    @Inject
    Clock clock;

    @ConfigProperty(name = "redgrid.lists.zone", defaultValue = "Asia/Shanghai")
    ZoneId zone;

    public Instant now() {
        return clock.instant();
    }

    public String of(Instant at) {
        return at.atZone(zone).toLocalDate().toString().substring(0, 7);
    }

    public String current() {
        return of(now());
    }
}
