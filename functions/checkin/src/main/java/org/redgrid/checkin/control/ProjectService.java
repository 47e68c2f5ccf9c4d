package org.redgrid.checkin.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.redgrid.checkin.entity.Keys;
import org.redgrid.checkin.entity.ServiceRecord;
import org.redgrid.kernel.dynamo.Attr;
import org.redgrid.kernel.dynamo.Transaction;
import org.redgrid.kernel.events.DomainEvent;
import org.redgrid.kernel.events.EventConsumer;
import org.redgrid.kernel.events.ProcessedEvents;
import org.redgrid.kernel.grid.GridPort;
import org.redgrid.kernel.problem.ProblemException;
import org.redgrid.kernel.time.Ids;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Project service (项目服务纪实): when three lists' {@value #PROJECT_COMPLETED} arrives, each participant gets a service
 * record for their hours, verified by the admin who completed the project, with the same totals and
 * {@link ServiceRecords#SERVICE_VERIFIED} event as a leader's verification — so points earn from a project through
 * these records only, never twice. Exactly once per event and participant: each participant is one transaction with its
 * own processed mark ({@code PROCESSED#checkin-project-service#<event id>#<login>}).
 */
@ApplicationScoped
@Named(ProjectService.NAME)
public class ProjectService implements EventConsumer {

    public static final String NAME = "checkin-project-service";
    public static final String PROJECT_COMPLETED = "lists.ProjectCompleted";
    /** How a project's service records are verified: by the admin who completed the project (verifiedVia). */
    public static final String VIA_PROJECT = "PROJECT";
    private static final Logger LOG = Logger.getLogger(ProjectService.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BigDecimal MINUTES_PER_HOUR = BigDecimal.valueOf(60);

    @Inject
    CheckinStore store;

    @Inject
    ServiceRecords serviceRecords;

    @Inject
    GridPort grid;

    @Inject
    Clock clock;

    @ConfigProperty(name = "redgrid.checkin.zone", defaultValue = "Asia/Shanghai")
    ZoneId zone;

    /** One participant of a completed project. */
    record Participant(String login, BigDecimal hours) {
    }

    @Override
    public void consume(DomainEvent event) {
        if (!PROJECT_COMPLETED.equals(event.type())) {
            return;
        }
        String community = event.data().getOrDefault("node", event.subjectNode());
        GridPort.Place communityPlace = grid.where(community)
                .orElseThrow(() -> new IllegalStateException("project " + event.data().get("projectId") + ": no node " + community));
        for (Participant p : participants(event)) {
            DomainEvent perParticipant = new DomainEvent(event.id() + "#" + p.login(), event.type(), event.time(),
                    event.subjectNode(), event.actor(), event.data());
            boolean recorded = ProcessedEvents.once(store.table(), clock, NAME, perParticipant,
                    tx -> record(tx, event, p, gridOf(p.login()).orElse(communityPlace)));
            LOG.debugf("%s %s: %s", event.id(), p.login(), recorded ? "service recorded" : "already recorded");
        }
    }

    /** The participant's grid: where their confirmed registration places them (the ledger they serve in). */
    private Optional<GridPort.Place> gridOf(String login) {
        return store.table().get(Keys.member(login), Keys.REGISTRATION_SK).map(i -> Attr.str(i, "gridCode"))
                .flatMap(grid::where);
    }

    private void record(Transaction tx, DomainEvent event, Participant p, GridPort.Place place) {
        Instant completed = Instant.parse(event.data().getOrDefault("completedAt", event.time()));
        long minutes = p.hours().multiply(MINUTES_PER_HOUR).setScale(0, RoundingMode.HALF_UP).longValueExact();
        List<String> households = Arrays.stream(event.data().getOrDefault("householdIds", "").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).distinct().sorted().toList();
        String day = completed.atZone(zone).toLocalDate().toString();
        String projectId = event.data().get("projectId");
        ServiceRecord record = new ServiceRecord(Ids.newId(clock.instant()), p.login(), place.code(), place.path(), day, minutes,
                event.data().getOrDefault("category", ""), "参与项目 " + projectId, households, null, projectId, List.of(), true,
                event.actor(), completed.toString(), VIA_PROJECT, null, clock.instant().toString());
        Map<String, AttributeValue> item = new HashMap<>(record.toItem());
        item.put("verifiedBy", Attr.s(record.verifiedBy()));
        item.put("verifiedAt", Attr.s(record.verifiedAt()));
        item.put("verifiedVia", Attr.s(VIA_PROJECT));
        store.table().putNew(tx, item, () -> ProblemException.conflict("SERVICE_EXISTS", "记录编号冲突，请重试"));
        households.forEach(h -> store.table().put(tx, record.beneficiaryItem(h)));
        serviceRecords.count(tx, record, true, null);
        serviceRecords.announce(tx, record, event.actor(), completed);
    }

    /**
     * The event's participants ({@code [{"login","hours"}]} as JSON text), a login listed twice with its hours added up
     * (as three lists does); logins without positive hours are left out.
     */
    static List<Participant> participants(DomainEvent event) {
        JsonNode list;
        try {
            list = JSON.readTree(event.data().getOrDefault("participants", "[]"));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event " + event.id() + ": participants are not JSON", e);
        }
        Map<String, Participant> byLogin = new LinkedHashMap<>();
        for (JsonNode n : list) {
            String login = n.path("login").asText("");
            BigDecimal hours = new BigDecimal(n.path("hours").asText("0"));
            if (!login.isBlank() && hours.signum() > 0) {
                byLogin.merge(login, new Participant(login, hours), (a, b) -> new Participant(login, a.hours().add(b.hours())));
            }
        }
        return List.copyOf(byLogin.values());
    }
}
