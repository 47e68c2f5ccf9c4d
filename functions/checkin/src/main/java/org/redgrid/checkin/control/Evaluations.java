package org.redgrid.checkin.control;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.redgrid.checkin.entity.EvaluationKeys;
import org.redgrid.checkin.entity.EvaluationRules;
import org.redgrid.checkin.entity.EvaluationSheet;
import org.redgrid.checkin.entity.Grade;
import org.redgrid.checkin.entity.GradeOverride;
import org.redgrid.checkin.entity.Keys;
import org.redgrid.checkin.entity.MemberEvaluation;
import org.redgrid.checkin.entity.MemberRegistration;
import org.redgrid.checkin.entity.RegistrationStatus;
import org.redgrid.checkin.entity.RosterTally;
import org.redgrid.checkin.entity.WorkCalendar;
import org.redgrid.kernel.dynamo.Attr;
import org.redgrid.kernel.dynamo.Idempotency;
import org.redgrid.kernel.dynamo.SingleTable;
import org.redgrid.kernel.dynamo.Transaction;
import org.redgrid.kernel.grid.GridPort;
import org.redgrid.kernel.paging.Page;
import org.redgrid.kernel.problem.ProblemException;
import org.redgrid.kernel.security.Guard;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;

/**
 * The year-end evaluation (年终考评) of a community's confirmed members: a proposal from the community's rules and
 * the members' kept year totals (explained criterion by criterion), overrides with a reason (each kept immutably),
 * then finalisation, after which nothing changes and each employer unit reads its staff's grades in one Query.
 * Proposals also keep each employer's participation counter (members with verified service in the year).
 * A proposal reads, per member, their kept year totals (one BatchGet for all) and their clock-ins of the year at
 * their grid (one Query each, {@link YearAttendance}) counted by the district's work calendar (one GetItem).
 */
@ApplicationScoped
public class Evaluations {

    /** Members a community evaluates at most in one proposal (a community has a few hundred). */
    static final int MEMBERS_MAX = 2000;
    /** Members per transaction: an evaluation and its employer's counter each, plus the sheet check. */
    static final int CHUNK = 40;
    static final int FINALISE_CHUNK = 90;
    /** Longer member ids than a login can be are no key worth asking DynamoDB for. */
    static final int MEMBER_ID_MAX = 128;

    /** A sheet's head and one page of its members. */
    public record SheetPage(EvaluationSheet head, Page<MemberEvaluation> members) {
    }

    @Inject
    CheckinStore store;

    @Inject
    CheckinGrid grid;

    @Inject
    Guard guard;

    @Inject
    Clock clock;

    @Inject
    Idempotency idempotency;

    @ConfigProperty(name = "redgrid.checkin.zone", defaultValue = "Asia/Shanghai")
    ZoneId zone;

    // ---- rules ----

    public EvaluationRules rules(String communityCode) {
        guard.require(CheckinPermissions.EVALUATION_READ, community(communityCode).path());
        return currentRules(communityCode);
    }

    public Page<EvaluationRules> rulesHistory(String communityCode, int limit, String cursor) {
        guard.require(CheckinPermissions.EVALUATION_READ, community(communityCode).path());
        return store.table().partition(EvaluationKeys.rules(communityCode), true, limit, cursor).map(EvaluationRules::fromItem);
    }

    public EvaluationRules setRules(String communityCode, NewRules r, Idempotency.Key key) {
        guard.require(CheckinPermissions.EVALUATION_WRITE, community(communityCode).path());
        if (r.weights().hours() + r.weights().records() + r.weights().attendance() + r.weights().rating() == 0) {
            throw ProblemException.invalidField("weights", "WEIGHTS_ALL_ZERO", "权重不能全为 0");
        }
        EvaluationRules.Cutoffs c = r.cutoffs();
        if (!(c.good() > c.fairlyGood() && c.fairlyGood() > c.average())) {
            throw ProblemException.invalidField("cutoffs", "CUTOFFS_NOT_DESCENDING", "分数线须“好”>“较好”>“一般”");
        }
        return idempotency.once(store.table(), key, tx -> {
            EvaluationRules current = currentRules(communityCode);
            SingleTable.requireVersion(r.baseVersion(), current.version());
            EvaluationRules next = new EvaluationRules(communityCode, current.version() + 1, r.weights(), r.targets(), c,
                    guard.caller().username(), clock.instant().toString());
            store.table().putNew(tx, next.toItem(), SingleTable::versionConflict);
            return next;
        }, v -> Long.toString(v.version()), v -> store.table()
                .get(EvaluationKeys.rules(communityCode), EvaluationKeys.rulesVersion(Long.parseLong(v)), true)
                .map(EvaluationRules::fromItem).orElseThrow());
    }

    EvaluationRules currentRules(String communityCode) {
        return store.table().partition(EvaluationKeys.rules(communityCode), true, 1, null).items().stream()
                .findFirst().map(EvaluationRules::fromItem).orElse(EvaluationRules.defaults(communityCode));
    }

    // ---- proposal ----

    /**
     * Proposes the year's grades of every confirmed member of the community (one Query for the members, one BatchGet
     * for their year totals); an override made before is kept, its proposal refreshed. Members no longer confirmed
     * there leave the sheet.
     */
    public EvaluationSheet propose(String communityCode, String year) {
        GridPort.Place place = community(communityCode);
        guard.require(CheckinPermissions.EVALUATION_WRITE, place.path());
        requireYear(year);
        EvaluationSheet before = store.table().get(EvaluationKeys.sheet(communityCode, year), EvaluationKeys.SHEET_SK, true)
                .map(EvaluationSheet::fromItem).orElse(null);
        if (before != null && before.status() != EvaluationSheet.Status.PROPOSED) {
            throw finalised();
        }
        EvaluationRules rules = currentRules(communityCode);
        List<MemberRegistration> members = store.table()
                .allUnderPath(Keys.registrations(RegistrationStatus.CONFIRMED, place.pathCodes().get(0)), place.path(), MEMBERS_MAX)
                .stream().map(MemberRegistration::fromItem).toList();
        if (members.size() > MEMBERS_MAX) {
            throw ProblemException.badRequest("TOO_MANY_MEMBERS", "本社区报到党员超过 " + MEMBERS_MAX + " 人，无法一次考评");
        }
        Map<String, EvaluationRules.YearTotals> totals = store.table()
                .getAll(members.stream().map(m -> SingleTable.key(Keys.serviceTotals(m.memberId()), year)).toList()).stream()
                .collect(Collectors.toMap(i -> Attr.str(i, SingleTable.PK), EvaluationRules.YearTotals::fromItem));
        Map<String, MemberEvaluation> kept = store.table().partition(EvaluationKeys.evaluations(communityCode, year)).stream()
                .map(MemberEvaluation::fromItem).collect(Collectors.toMap(MemberEvaluation::memberId, Function.identity()));
        String now = clock.instant().toString();

        List<MemberEvaluation[]> changes = new ArrayList<>(); // {before or null, after or null}
        Map<String, Boolean> present = new HashMap<>();
        WorkCalendar calendar = calendars.of(place, Integer.parseInt(year));
        for (MemberRegistration m : members) {
            present.put(m.memberId(), true);
            YearAttendance.Days days = attendance.of(calendar, m.gridCode(), m.memberId(), Integer.parseInt(year));
            EvaluationRules.YearTotals t = totals.getOrDefault(Keys.serviceTotals(m.memberId()), EvaluationRules.YearTotals.NONE)
                    .withAttendance(days.duty(), days.attended());
            List<EvaluationRules.Criterion> breakdown = rules.breakdown(t);
            double score = EvaluationRules.score(breakdown);
            Grade proposed = rules.grade(score);
            MemberEvaluation old = kept.get(m.memberId());
            boolean overridden = old != null && old.overridden();
            changes.add(new MemberEvaluation[] { old, new MemberEvaluation(m.memberId(), m.name(), m.employerCode(),
                    m.employerName(), communityCode, place.name(), m.gridCode(), year, score, proposed,
                    overridden ? old.grade() : proposed, overridden, breakdown, t.minutes(), t.records(), rules.version(),
                    t.records() > 0, old == null ? 1 : old.version() + 1, null, now) });
        }
        kept.values().stream().filter(k -> !present.containsKey(k.memberId())).forEach(k -> changes.add(new MemberEvaluation[] { k, null }));

        for (int from = 0; from < changes.size(); from += CHUNK) {
            Transaction tx = new Transaction();
            tx.check(ConditionCheck.builder().tableName(store.table().name())
                    .key(SingleTable.key(EvaluationKeys.sheet(communityCode, year), EvaluationKeys.SHEET_SK))
                    .conditionExpression("attribute_not_exists(pk) OR #status = :open")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(SingleTable.values(":open", EvaluationSheet.Status.PROPOSED.name())).build(),
                    Evaluations::finalised);
            Map<String, Map<String, Long>> participation = new LinkedHashMap<>();
            for (MemberEvaluation[] ch : changes.subList(from, Math.min(changes.size(), from + CHUNK))) {
                write(tx, ch[0], ch[1]);
                participate(participation, ch[0], -1);
                participate(participation, ch[1], +1);
            }
            participation.forEach((employer, deltas) -> rosters.addTo(tx, employer, deltas));
            store.table().commit(tx);
        }

        Map<Grade, Long> grades = new EnumMap<>(Grade.class);
        for (Grade g : Grade.values()) {
            grades.put(g, 0L);
        }
        changes.stream().map(ch -> ch[1]).filter(java.util.Objects::nonNull).forEach(e -> grades.merge(e.grade(), 1L, Long::sum));
        EvaluationSheet head = new EvaluationSheet(communityCode, place.name(), year, EvaluationSheet.Status.PROPOSED,
                rules.version(), members.size(), grades, before == null ? 0 : before.overrides(), now, guard.caller().username(),
                null, null);
        Transaction tx = new Transaction();
        tx.put(software.amazon.awssdk.services.dynamodb.model.Put.builder().tableName(store.table().name()).item(head.toItem())
                .conditionExpression("attribute_not_exists(pk) OR #status = :open")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(SingleTable.values(":open", EvaluationSheet.Status.PROPOSED.name())).build(),
                Evaluations::finalised);
        store.table().commit(tx);
        return head;
    }

    @Inject
    Rosters rosters;

    @Inject
    YearAttendance attendance;

    @Inject
    WorkCalendars calendars;

    private void write(Transaction tx, MemberEvaluation before, MemberEvaluation after) {
        if (after == null) {
            store.table().delete(tx, SingleTable.key(EvaluationKeys.evaluations(before.communityCode(), before.year()), before.memberId()),
                    d -> d.conditionExpression("version = :seen").expressionAttributeValues(SingleTable.values(":seen", before.version())),
                    SingleTable::versionConflict);
        } else if (before == null) {
            store.table().putNew(tx, after.toItem(), SingleTable::versionConflict);
        } else {
            store.table().putVersioned(tx, after.toItem(), before.version());
        }
    }

    /** A member with verified service counts once for their employer's participation in the year. */
    private static void participate(Map<String, Map<String, Long>> deltas, MemberEvaluation e, int sign) {
        if (e != null && e.served()) {
            deltas.computeIfAbsent(e.employerCode(), k -> new LinkedHashMap<>()).merge(RosterTally.participantsOf(e.year()), (long) sign, Long::sum);
        }
    }

    // ---- reading ----

    public SheetPage sheet(String communityCode, String year, int limit, String cursor) {
        guard.require(CheckinPermissions.EVALUATION_READ, community(communityCode).path());
        requireYear(year);
        EvaluationSheet head = head(communityCode, year);
        return new SheetPage(head, store.table().partition(EvaluationKeys.evaluations(communityCode, year), false, limit, cursor)
                .map(MemberEvaluation::fromItem));
    }

    public Page<GradeOverride> overrides(String communityCode, String year, int limit, String cursor) {
        guard.require(CheckinPermissions.EVALUATION_READ, community(communityCode).path());
        requireYear(year);
        return store.table().partition(EvaluationKeys.overrides(communityCode, year), false, limit, cursor).map(GradeOverride::fromItem);
    }

    /** The caller's own evaluation of a year, at the community of their registration. */
    public MemberEvaluation mine(String year) {
        guard.requireRole(CheckinPermissions.SELF_READ);
        requireYear(year);
        String me = guard.caller().username();
        MemberRegistration r = store.table().get(Keys.member(me), Keys.REGISTRATION_SK).map(MemberRegistration::fromItem)
                .orElseThrow(Evaluations::notEvaluated);
        return store.table().get(EvaluationKeys.evaluations(Rosters.communityOf(r), year), me).map(MemberEvaluation::fromItem)
                .orElseThrow(Evaluations::notEvaluated);
    }

    /** An employer unit's staff's final grades of a year (sparse index: final grades only), one Query. */
    public Page<MemberEvaluation> employerGrades(String employerCode, String year, int limit, String cursor) {
        guard.require(CheckinPermissions.EMPLOYER_READ, Keys.employerScope(employerCode));
        requireYear(year);
        return store.table().byParent(EvaluationKeys.employerGrades(employerCode, year), limit, cursor).map(MemberEvaluation::fromItem);
    }

    /** The day a notice is dated: the day the community finalised, in the domain's zone. */
    public LocalDate noticeDate(MemberEvaluation e) {
        return java.time.Instant.parse(e.finalisedAt()).atZone(zone).toLocalDate();
    }

    // ---- review ----

    /** Overrides a member's grade with a reason; the override is kept immutably in the same transaction. */
    public MemberEvaluation override(String communityCode, String year, String memberId, GradeChange change, Idempotency.Key key) {
        guard.require(CheckinPermissions.EVALUATION_WRITE, community(communityCode).path());
        requireYear(year);
        Grade to = Grade.valueOf(change.grade());
        return idempotency.once(store.table(), key, tx -> {
            if (head(communityCode, year).status() != EvaluationSheet.Status.PROPOSED) {
                throw finalised();
            }
            MemberEvaluation current = load(communityCode, year, memberId);
            SingleTable.requireVersion(change.version(), current.version());
            if (current.grade() == to) {
                throw ProblemException.conflict("GRADE_UNCHANGED", "该党员的等次已是“" + to.label() + "”");
            }
            String now = clock.instant().toString();
            MemberEvaluation changed = current.overriddenTo(to, now);
            store.table().putVersioned(tx, changed.toItem(), current.version());
            store.table().putNew(tx, new GradeOverride(communityCode, year, memberId, current.name(), current.grade(), to,
                    change.reason().trim(), guard.caller().username(), now).toItem(),
                    () -> ProblemException.conflict("CONCURRENT_CHANGE", "数据正被他人同时修改，请刷新后重试"));
            store.table().update(tx, SingleTable.key(EvaluationKeys.sheet(communityCode, year), EvaluationKeys.SHEET_SK), u -> u
                    .updateExpression("ADD overrides :one, #from :minus, #to :one")
                    .conditionExpression("#status = :open")
                    .expressionAttributeNames(Map.of("#status", "status", "#from", "grade" + current.grade().name(), "#to", "grade" + to.name()))
                    .expressionAttributeValues(SingleTable.values(":one", 1, ":minus", -1, ":open", EvaluationSheet.Status.PROPOSED.name())),
                    Evaluations::finalised);
            return changed;
        }, MemberEvaluation::memberId, id -> load(communityCode, year, id));
    }

    /**
     * Finalises the year: the sheet is closed to proposals and overrides first, then every evaluation is marked
     * final (which puts it in its employer's index), then the sheet is final. A finalisation cut short is finished
     * by asking again.
     */
    public EvaluationSheet finalise(String communityCode, String year) {
        guard.require(CheckinPermissions.EVALUATION_WRITE, community(communityCode).path());
        requireYear(year);
        EvaluationSheet head = head(communityCode, year);
        if (head.status() == EvaluationSheet.Status.FINAL) {
            throw finalised();
        }
        Map<String, AttributeValue> headKey = SingleTable.key(EvaluationKeys.sheet(communityCode, year), EvaluationKeys.SHEET_SK);
        if (head.status() == EvaluationSheet.Status.PROPOSED) {
            Transaction close = new Transaction();
            setStatus(close, headKey, EvaluationSheet.Status.PROPOSED, EvaluationSheet.Status.FINALISING, "", Map.of());
            store.table().commit(close);
        }
        String now = clock.instant().toString();
        List<MemberEvaluation> all = store.table().partition(EvaluationKeys.evaluations(communityCode, year)).stream()
                .map(MemberEvaluation::fromItem).toList();
        List<MemberEvaluation> open = all.stream().filter(e -> !e.finalised()).toList();
        for (int from = 0; from < open.size(); from += FINALISE_CHUNK) {
            Transaction tx = new Transaction();
            for (MemberEvaluation e : open.subList(from, Math.min(open.size(), from + FINALISE_CHUNK))) {
                store.table().putVersioned(tx, new MemberEvaluation(e.memberId(), e.name(), e.employerCode(), e.employerName(),
                        e.communityCode(), e.communityName(), e.gridCode(), e.year(), e.score(), e.proposedGrade(), e.grade(),
                        e.overridden(), e.breakdown(), e.minutes(), e.records(), e.rulesVersion(), e.served(), e.version() + 1,
                        now, now).toItem(), e.version());
            }
            store.table().commit(tx);
        }
        // The grades as finalised: overrides were closed before the marking, so these are the counts that stand.
        Map<String, AttributeValue> counts = new HashMap<>(SingleTable.values(":at", now, ":by", guard.caller().username(),
                ":n", all.size()));
        StringBuilder more = new StringBuilder(", finalisedAt = :at, finalisedBy = :by, members = :n");
        for (Grade g : Grade.values()) {
            counts.put(":" + g.name(), Attr.n(all.stream().filter(e -> e.grade() == g).count()));
            more.append(", grade").append(g.name()).append(" = :").append(g.name());
        }
        Transaction done = new Transaction();
        setStatus(done, headKey, EvaluationSheet.Status.FINALISING, EvaluationSheet.Status.FINAL, more.toString(), counts);
        store.table().commit(done);
        return head(communityCode, year);
    }

    private void setStatus(Transaction tx, Map<String, AttributeValue> headKey, EvaluationSheet.Status from,
            EvaluationSheet.Status to, String more, Map<String, AttributeValue> moreValues) {
        Map<String, AttributeValue> values = new HashMap<>(SingleTable.values(":from", from.name(), ":to", to.name()));
        values.putAll(moreValues);
        store.table().update(tx, headKey, u -> u.updateExpression("SET #status = :to" + more)
                .conditionExpression("#status = :from").expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(values), Evaluations::finalised);
    }

    EvaluationSheet head(String communityCode, String year) {
        return store.table().get(EvaluationKeys.sheet(communityCode, year), EvaluationKeys.SHEET_SK, true)
                .map(EvaluationSheet::fromItem)
                .orElseThrow(() -> ProblemException.notFound("EVALUATION_NOT_FOUND", "该社区 " + year + " 年尚未提出考评"));
    }

    MemberEvaluation load(String communityCode, String year, String memberId) {
        if (memberId.length() > MEMBER_ID_MAX) {
            throw ProblemException.notFound("EVALUATION_NOT_FOUND", "该党员没有 " + year + " 年的考评");
        }
        return store.table().get(EvaluationKeys.evaluations(communityCode, year), memberId, true).map(MemberEvaluation::fromItem)
                .orElseThrow(() -> ProblemException.notFound("EVALUATION_NOT_FOUND", "该党员没有 " + year + " 年的考评"));
    }

    private GridPort.Place community(String code) {
        GridPort.Place place = grid.node(code);
        if (!"COMMUNITY".equals(place.level())) {
            throw ProblemException.badRequest("NOT_A_COMMUNITY", "年终考评按社区进行，" + code + " 不是社区");
        }
        return place;
    }

    /** A year from 2000 to the current one. */
    private void requireYear(String year) {
        int y = Integer.parseInt(year);
        if (y < 2000 || y > LocalDate.now(clock.withZone(zone)).getYear()) {
            throw ProblemException.badRequest("INVALID_YEAR", "年份须在 2000 年至今年之间");
        }
    }

    private static ProblemException finalised() {
        return ProblemException.conflict("EVALUATION_FINAL", "该年度考评已定稿，不能再修改");
    }

    private static ProblemException notEvaluated() {
        return ProblemException.notFound("EVALUATION_NOT_FOUND", "您没有该年度的考评");
    }
}
