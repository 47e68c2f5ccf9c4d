package org.redgrid.points.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.redgrid.points.entity.AccountKind;
import org.redgrid.points.entity.EntryKind;
import org.redgrid.points.entity.Keys;
import org.redgrid.points.entity.PointsAccount;
import org.redgrid.points.entity.Posting;

/**
 * Points earned from other domains' events (事件积分入账): check-in's {@code checkin.ServiceVerified} gives
 * {@code hours} × the points per hour, three lists' {@code lists.ProjectCompleted} a fixed award, to each household
 * in {@code householdIds}, up to a monthly cap per household; one entry per event, exactly once per event id (the
 * entry's source key).
 */
@ApplicationScoped
@Named(EventAccrual.NAME)
public class EventAccrual implements EventConsumer {

    public static final String NAME = "points-accrual";
    public static final String SERVICE_VERIFIED = "checkin.ServiceVerified";
    public static final String PROJECT_COMPLETED = "lists.ProjectCompleted";
    /** Three items per household (line, account, monthly counter) in one transaction of at most 100. */
    static final int MAX_HOUSEHOLDS = 30;
    private static final Logger LOG = Logger.getLogger(EventAccrual.class);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Inject
    PointsStore store;

    @Inject
    PointsLedger ledger;

    @Inject
    Clock clock;

    @ConfigProperty(name = "redgrid.points.service-hour-points", defaultValue = "10")
    long pointsPerHour;

    @ConfigProperty(name = "redgrid.points.project-points", defaultValue = "20")
    long projectPoints;

    @ConfigProperty(name = "redgrid.points.monthly-accrual-cap", defaultValue = "200")
    long monthlyCap;

    @Override
    public void consume(DomainEvent event) {
        long points;
        String memo;
        if (SERVICE_VERIFIED.equals(event.type())) {
            points = new BigDecimal(event.data().getOrDefault("hours", "0")).multiply(BigDecimal.valueOf(pointsPerHour))
                    .setScale(0, RoundingMode.HALF_UP).longValueExact();
            memo = "志愿服务 " + event.data().getOrDefault("hours", "0") + " 小时（" + event.data().getOrDefault("category", "") + "）";
        } else if (PROJECT_COMPLETED.equals(event.type())) {
            points = projectPoints;
            memo = "项目完成（" + event.data().getOrDefault("category", "") + "）";
        } else {
            return;
        }
        List<String> households = Arrays.stream(event.data().getOrDefault("householdIds", "").split("[\\s,]+"))
                .filter(s -> !s.isBlank()).distinct().limit(MAX_HOUSEHOLDS).toList();
        String month = Instant.parse(event.time()).atZone(CHINA).toLocalDate().toString().substring(0, 7);
        boolean posted = ledger.retrying(() -> ProcessedEvents.once(store.table(), clock, NAME, event,
                tx -> accrue(tx, event, households, points, month, memo)));
        LOG.debugf("%s %s", event.id(), posted ? "accrued" : "already accrued");
    }

    private void accrue(Transaction tx, DomainEvent event, List<String> households, long points, String month,
            String memo) {
        List<Posting> postings = new ArrayList<>();
        String community = null;
        for (String household : households) {
            Optional<PointsAccount> account = store.table().get(Keys.account(AccountKind.HOUSEHOLD.accountId(household)),
                    Keys.ACCOUNT_SK, true).map(PointsAccount::fromItem);
            if (account.isEmpty() || (community != null && !community.equals(account.get().communityCode()))) {
                LOG.warnf("event %s: household %s has no points account in the event's community; skipped", event.id(), household);
                continue;
            }
            community = account.get().communityCode();
            String counter = Keys.accrued(household, month);
            long sofar = store.table().get(counter, Keys.ACCRUED_SK, true).map(i -> Attr.num(i, "points")).orElse(0L);
            long granted = Math.min(points, monthlyCap - sofar);
            if (granted <= 0) {
                continue;
            }
            // The counter is written against the value read, so two events for one month cannot both use the room left.
            store.table().update(tx, SingleTable.key(counter, Keys.ACCRUED_SK), u -> u.updateExpression("SET points = :after")
                    .conditionExpression("attribute_not_exists(points) OR points = :sofar")
                    .expressionAttributeValues(SingleTable.values(":after", sofar + granted, ":sofar", sofar)), PointsLedger::busy);
            postings.add(new Posting(account.get().id(), granted));
        }
        if (postings.isEmpty()) {
            return;
        }
        long total = postings.stream().mapToLong(Posting::amount).sum();
        String budget = ledger.budget(community, store.existingCommunity(community).path());
        postings.add(0, new Posting(budget, -total));
        ledger.post(tx, new PointsLedger.Draft(EntryKind.AWARD, community, postings, memo, event.actor(), event.id(), null,
                event.id()));
    }
}
