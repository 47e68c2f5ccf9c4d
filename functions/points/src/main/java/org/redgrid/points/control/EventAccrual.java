package org.redgrid.points.control;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.jboss.logging.Logger;
import org.redgrid.kernel.events.DomainEvent;
import org.redgrid.kernel.events.EventConsumer;
import org.redgrid.kernel.people.PeoplePort;
import org.redgrid.points.entity.RuleKind;

/**
 * Points earned by volunteer service (志愿服务积分入账), from check-in's {@value #SERVICE_VERIFIED}: the serving member's
 * household (户, found through the directory's {@link PeoplePort}) earns the verified hours by its community's current
 * {@link RuleKind#SERVICE_HOUR} rule, within the monthly caps ({@link PointsRules#accrue}), at most once per event and
 * household (the entry's source key). Three lists' completed projects arrive the same way: check-in turns each
 * participant's hours into a verified service record (its event carries {@code projectId}), so a project is never
 * counted twice; those hours earn by the community's {@link RuleKind#PROJECT_HOUR} rule when it has one.
 */
@ApplicationScoped
@Named(EventAccrual.NAME)
public class EventAccrual implements EventConsumer {

    public static final String NAME = "points-accrual";
    public static final String SERVICE_VERIFIED = "checkin.ServiceVerified";
    private static final Logger LOG = Logger.getLogger(EventAccrual.class);

    @Inject
    PointsRules rules;

    @Inject
    PeoplePort people;

    @Override
    public void consume(DomainEvent event) {
        if (!SERVICE_VERIFIED.equals(event.type())) {
            return;
        }
        String member = event.data().get("memberId");
        Optional<String> household = Optional.ofNullable(member).flatMap(people::byLogin).map(PeoplePort.Resident::householdId);
        if (household.isEmpty()) {
            // Nothing to credit: the member has no person or household in the directory. A redelivery finds the same.
            LOG.warnf("event %s: member %s belongs to no household in the directory; no points", event.id(), member);
            return;
        }
        BigDecimal hours = new BigDecimal(event.data().getOrDefault("hours", "0"));
        String source = event.id() + "#" + household.get();
        Instant at = Instant.parse(event.time());
        // Hours served in a three lists project earn by the community's project rule when it has one.
        boolean project = !event.data().getOrDefault("projectId", "").isBlank();
        PointsRules.Accrual accrual = project ? rules.accrue(null, RuleKind.PROJECT_HOUR, household.get(), hours, source, at) : null;
        if (accrual == null || accrual.outcome() == PointsRules.Accrual.Outcome.NO_RULE) {
            accrual = rules.accrue(null, RuleKind.SERVICE_HOUR, household.get(), hours, source, at);
        }
        LOG.debugf("event %s, household %s: %s %d points", event.id(), household.get(), accrual.outcome(), accrual.points());
    }
}
