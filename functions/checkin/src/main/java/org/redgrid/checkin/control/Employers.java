package org.redgrid.checkin.control;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.redgrid.checkin.entity.Employer;
import org.redgrid.checkin.entity.EvaluationKeys;
import org.redgrid.checkin.entity.Keys;
import org.redgrid.checkin.entity.RegistrationTally;
import org.redgrid.checkin.entity.RosterTally;
import org.redgrid.kernel.dynamo.Attr;
import org.redgrid.kernel.dynamo.Idempotency;
import org.redgrid.kernel.dynamo.SingleTable;
import org.redgrid.kernel.grid.GridPort;
import org.redgrid.kernel.paging.Page;
import org.redgrid.kernel.problem.ProblemException;
import org.redgrid.kernel.security.Guard;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The employer registry (工作单位名录) a district or street keeps, and the ranking of its units (单位排名) on their
 * staff's registration and participation, read from kept counters.
 */
@ApplicationScoped
public class Employers {

    /** "E01": an employer code; the directory's node codes never take this shape (see functions/checkin/README.md). */
    public static final String CODE = "E\\d{2,8}";
    static final Set<String> KEEPING_LEVELS = Set.of("STREET", "DISTRICT");
    /** Units a ranking covers at most (a district has a few hundred). */
    static final int RANKING_MAX = 1000;

    /** One unit's place in a ranking: roster, registration and participation counts, rates and score (0–100). */
    public record Ranked(int rank, String code, String name, long rostered, long registered, long confirmed,
            double registrationRate, long participants, double participationRate, double score) {
    }

    @Inject
    CheckinStore store;

    @Inject
    CheckinGrid grid;

    @Inject
    GridPort gridPort;

    @Inject
    Guard guard;

    @Inject
    Clock clock;

    @Inject
    Idempotency idempotency;

    public Employer register(NewEmployer e, Idempotency.Key key) {
        GridPort.Place node = grid.named("nodeCode", e.nodeCode());
        guard.require(CheckinPermissions.EMPLOYERS_WRITE, node.path());
        if (!KEEPING_LEVELS.contains(node.level())) {
            throw ProblemException.invalidField("nodeCode", "NOT_A_STREET_OR_DISTRICT", "工作单位由街道或区登记，请选择街道或区");
        }
        if (gridPort.where(e.code()).isPresent()) {
            throw ProblemException.conflict("CODE_IS_A_GRID_NODE", "单位代码 " + e.code() + " 已被网格节点使用，请换一个代码");
        }
        return idempotency.once(store.table(), key, tx -> {
            String now = clock.instant().toString();
            Employer created = new Employer(e.code(), e.name().trim(), node.code(), node.name(), node.path(),
                    e.contactName().trim(), e.contactPhone(), 0, null, null, 1, now, now);
            store.table().putNew(tx, created.toItem(), () -> ProblemException.conflict("EMPLOYER_EXISTS",
                    "单位代码 " + e.code() + " 已登记").with("employerCode", e.code()));
            return created;
        }, Employer::code, this::load);
    }

    /** The registry under a node of the caller's scope, by path: one Query. */
    public Page<Employer> under(String nodeCode, int limit, String cursor) {
        GridPort.Place node = grid.node(nodeCode);
        guard.require(CheckinPermissions.EMPLOYERS_READ, node.path());
        return store.table().underPath(EvaluationKeys.employers(node.pathCodes().get(0)), node.path(), limit, cursor)
                .map(Employer::fromItem);
    }

    /**
     * The units under a node ranked for a year: score = 50 × registration rate (confirmed roster members / roster)
     * + 50 × participation rate (members with verified service in the year / confirmed registrations). One Query
     * for the units, one BatchGet for their counters.
     */
    public List<Ranked> ranking(String nodeCode, String year) {
        GridPort.Place node = grid.node(nodeCode);
        guard.require(CheckinPermissions.EMPLOYERS_READ, node.path());
        List<Employer> units = store.table()
                .allUnderPath(EvaluationKeys.employers(node.pathCodes().get(0)), node.path(), RANKING_MAX)
                .stream().map(Employer::fromItem).toList();
        if (units.size() > RANKING_MAX) {
            throw ProblemException.badRequest("RANKING_TOO_LARGE", "该范围内工作单位超过 " + RANKING_MAX + " 个，请按街道查看");
        }
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (Employer u : units) {
            keys.add(SingleTable.key(Keys.employerTally(u.code()), Keys.TALLY_SK));
            keys.add(SingleTable.key(Keys.employerTally(u.code()), EvaluationKeys.ROSTER_TALLY_SK));
        }
        Map<String, Map<String, AttributeValue>> tallies = store.table().getAll(keys).stream()
                .collect(Collectors.toMap(i -> Attr.str(i, SingleTable.PK) + "|" + Attr.str(i, SingleTable.SK), Function.identity()));
        List<Ranked> unranked = new ArrayList<>();
        for (Employer u : units) {
            String pk = Keys.employerTally(u.code());
            RosterTally roster = RosterTally.fromItem(tallies.getOrDefault(pk + "|" + EvaluationKeys.ROSTER_TALLY_SK, Map.of()));
            RegistrationTally registrations = RegistrationTally.fromItem(tallies.getOrDefault(pk + "|" + Keys.TALLY_SK, Map.of()));
            long participants = roster.participants(year);
            double registrationRate = RosterTally.rate(roster.confirmed(), roster.rostered());
            double participationRate = RosterTally.rate(participants, registrations.confirmed());
            double score = Math.round((50 * registrationRate + 50 * participationRate) * 10) / 10.0;
            unranked.add(new Ranked(0, u.code(), u.name(), roster.rostered(), roster.registered(), roster.confirmed(),
                    registrationRate, participants, participationRate, score));
        }
        unranked.sort(Comparator.comparingDouble(Ranked::score).reversed().thenComparing(Ranked::code));
        List<Ranked> ranked = new ArrayList<>();
        for (Ranked r : unranked) {
            int rank = !ranked.isEmpty() && ranked.get(ranked.size() - 1).score() == r.score() ? ranked.get(ranked.size() - 1).rank()
                    : ranked.size() + 1;
            ranked.add(new Ranked(rank, r.code(), r.name(), r.rostered(), r.registered(), r.confirmed(), r.registrationRate(),
                    r.participants(), r.participationRate(), r.score()));
        }
        return ranked;
    }

    Employer load(String code) {
        return find(code).orElseThrow(() -> ProblemException.notFound("EMPLOYER_NOT_FOUND", "工作单位 " + code + " 未登记"));
    }

    java.util.Optional<Employer> find(String code) {
        return store.table().get(EvaluationKeys.employer(code), EvaluationKeys.UNIT_SK, true).map(Employer::fromItem);
    }
}
