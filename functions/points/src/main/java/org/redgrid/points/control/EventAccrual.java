package org.redgrid.points.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.redgrid.kernel.dynamo.Attr;
import org.redgrid.kernel.dynamo.SingleTable;
import org.redgrid.kernel.dynamo.Transaction;
import org.redgrid.kernel.events.DomainEvent;
import org.redgrid.kernel.events.EventConsumer;
import org.redgrid.kernel.events.ProcessedEvents;
import org.redgrid.kernel.people.PeoplePort;
import org.redgrid.kernel.problem.ProblemException;
import org.redgrid.points.entity.AccountKind;
import org.redgrid.points.entity.EntryKind;
import org.redgrid.points.entity.Keys;
import org.redgrid.points.entity.PointsAccount;
import org.redgrid.points.entity.Posting;

/**
 * Points earned by volunteer service (志愿服务积分入账), from check-in's {@value #SERVICE_VERIFIED}: the serving member's
 * household (户, found through the directory's {@link PeoplePort}) earns {@code hours} × the community's points per
 * verified hour, up to a monthly cap per household; one entry per event, exactly once per event id (the entry's
 * source key). Three lists' completed projects arrive the same way: check-in turns each participant's hours into a
 * verified service record, so a project is never counted twice.
 */
@ApplicationScoped
@Named(EventAccrual.NAME)
public class EventAccrual implements EventConsumer {

    public static final String NAME = "points-accrual";
    public static final String SERVICE_VERIFIED = "checkin.ServiceVerified";
    private static final Logger LOG = Logger.getLogger(EventAccrual.class);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Inject
    PointsStore store;

    @Inject
    PointsLedger ledger;

    @Inject
    PeoplePort people;

    @Inject
    Clock clock;

    // The community's rule replaces this once the rule catalogue is there (see README "Accrual").
    @ConfigProperty(name = "redgrid.points.service-hour-points", defaultValue = "10")
    long pointsPerHour;

    @ConfigProperty(name = "redgrid.points.monthly-accrual-cap", defaultValue = "200")
    long monthlyCap;

    @Override
    public void consume(DomainEvent event) {
        if (!SERVICE_VERIFIED.equals(event.type())) {
            return;
        }
        String member = event.data().get("memberId");
        Optional<PeoplePort.Household> household = Optional.ofNullable(member).flatMap(people::byLogin)
                .map(PeoplePort.Resident::householdId).flatMap(people::household);
        if (household.isEmpty()) {
            // Nothing to credit: the member has no person or household in the directory. A redelivery finds the same.
            LOG.warnf("event %s: member %s belongs to no household in the directory; no points", event.id(), member);
            return;
        }
        PointsAccount account = ledger.retrying(() -> householdAccount(household.get()));
        BigDecimal hours = new BigDecimal(event.data().getOrDefault("hours", "0"));
        long points = hours.multiply(BigDecimal.valueOf(pointsPerHour)).setScale(0, RoundingMode.HALF_UP).longValueExact();
        String memo = "志愿服务 " + hours.toPlainString() + " 小时（" + event.data().getOrDefault("category", "") + "）";
        String month = Instant.parse(event.time()).atZone(CHINA).toLocalDate().toString().substring(0, 7);
        boolean posted = ledger.retrying(() -> ProcessedEvents.once(store.table(), clock, NAME, event,
                tx -> accrue(tx, event, account, points, month, memo)));
        LOG.debugf("%s %s", event.id(), posted ? "accrued" : "already accrued");
    }

    /** The household's points account, opened (in a transaction of its own) where the household is registered. */
    private PointsAccount householdAccount(PeoplePort.Household household) {
        String id = AccountKind.HOUSEHOLD.accountId(household.id());
        Optional<PointsAccount> open = store.table().get(Keys.account(id), Keys.ACCOUNT_SK, true).map(PointsAccount::fromItem);
        if (open.isPresent()) {
            return open.get();
        }
        PointsStore.Located at = store.locate("nodeCode", household.nodeCode());
        PointsAccount account = PointsAccount.open(AccountKind.HOUSEHOLD, household.id(), at.node().code(), at.node().path(),
                at.community().code(), 0, clock.instant().toString());
        Transaction opening = new Transaction();
        ledger.open(opening, account);
        try {
            store.table().commit(opening);
            return account;
        } catch (ProblemException raced) {
            if (!"ACCOUNT_EXISTS".equals(raced.code())) {
                throw raced;
            }
            return ledger.account(id);
        }
    }

    private void accrue(Transaction tx, DomainEvent event, PointsAccount account, long points, String month, String memo) {
        String counter = Keys.accrued(account.ownerId(), month);
        long sofar = store.table().get(counter, Keys.ACCRUED_SK, true).map(i -> Attr.num(i, "points")).orElse(0L);
        long granted = Math.min(points, monthlyCap - sofar);
        if (granted <= 0) {
            return;
        }
        // The counter is written against the value read, so two events for one month cannot both use the room left.
        store.table().update(tx, SingleTable.key(counter, Keys.ACCRUED_SK), u -> u.updateExpression("SET points = :after")
                .conditionExpression("attribute_not_exists(points) OR points = :sofar")
                .expressionAttributeValues(SingleTable.values(":after", sofar + granted, ":sofar", sofar)), PointsLedger::busy);
        String community = account.communityCode();
        String budget = ledger.budget(community, store.existingCommunity(community).path());
        ledger.post(tx, new PointsLedger.Draft(EntryKind.AWARD, community,
                List.of(new Posting(budget, -granted), new Posting(account.id(), granted)), memo, event.actor(), event.id(), null,
                event.id()));
    }
}
