package org.redgrid.checkin.control;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.redgrid.checkin.entity.Employer;
import org.redgrid.checkin.entity.EvaluationKeys;
import org.redgrid.checkin.entity.Keys;
import org.redgrid.checkin.entity.MemberRegistration;
import org.redgrid.checkin.entity.RegisteredPhone;
import org.redgrid.checkin.entity.RegistrationStatus;
import org.redgrid.checkin.entity.RosterRow;
import org.redgrid.checkin.entity.RosterTally;
import org.redgrid.kernel.dynamo.Attr;
import org.redgrid.kernel.dynamo.Idempotency;
import org.redgrid.kernel.dynamo.SingleTable;
import org.redgrid.kernel.dynamo.Transaction;
import org.redgrid.kernel.paging.Page;
import org.redgrid.kernel.problem.FieldError;
import org.redgrid.kernel.problem.ProblemException;
import org.redgrid.kernel.security.Guard;
import org.redgrid.kernel.text.DisplayText;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Rosters (花名册): an employer unit uploads the list of its staff, each upload replacing the last; each row is
 * matched by phone with the registration that names the unit, so the unit sees who has registered where and who has
 * not. The counters (roster size, registered, confirmed, per community) move in the same transactions as the
 * uploads and as the registrations and decisions ({@link #track}); each side's transaction checks what it read of
 * the other, so a registration racing an upload cannot be counted twice or lost.
 */
@ApplicationScoped
public class Rosters {

    /** Rows an upload may have (a unit of a city's organs has at most a few hundred staff). */
    public static final int MAX_ROWS = 2000;
    /** Rows per transaction: a row and its match check each, plus the counters, the unit and the idempotency record. */
    static final int CHUNK = 45;
    /** Errors an answer lists at most (the detail says how many there are). */
    static final int MAX_ERRORS = 200;
    private static final String PHONE = "1[3-9]\\d{9}";

    /** What an upload did. */
    @Schema(name = "RosterUploadResult")
    public record Result(String employerCode, long rows, long added, long removed, long changed, String uploadedAt,
            String uploadedBy) {

        String id() {
            return String.join("|", employerCode, Long.toString(rows), Long.toString(added), Long.toString(removed),
                    Long.toString(changed), uploadedAt, uploadedBy);
        }

        static Result parse(String id) {
            String[] p = id.split("\\|", 7);
            return new Result(p[0], Long.parseLong(p[1]), Long.parseLong(p[2]), Long.parseLong(p[3]), Long.parseLong(p[4]), p[5], p[6]);
        }
    }

    /** A roster row with its match: registered or not, where, and how the registration stands. */
    public record Entry(RosterRow row, RegisteredPhone match) {
    }

    /** An employer's registration rate from its roster, in all and per community. */
    public record Rate(Employer employer, RosterTally tally) {
    }

    @Inject
    CheckinStore store;

    @Inject
    Employers employers;

    @Inject
    Guard guard;

    @Inject
    Clock clock;

    @Inject
    Idempotency idempotency;

    public Result upload(String employerCode, RosterUpload upload, Idempotency.Key key) {
        guard.require(CheckinPermissions.ROSTER_WRITE, Keys.employerScope(employerCode));
        Map<String, RosterRow> wanted = validated(employerCode, upload.rows());
        Employer employer = employers.load(employerCode);
        return idempotency.once(store.table(), key, tx -> replace(employer, wanted, tx), Result::id, Result::parse);
    }

    /** Applies the difference to the kept roster: all chunks but the last commit here, the last in {@code last}. */
    private Result replace(Employer employer, Map<String, RosterRow> wanted, Transaction last) {
        String code = employer.code();
        Map<String, RosterRow> kept = store.table().partition(EvaluationKeys.roster(code)).stream().map(RosterRow::fromItem)
                .collect(Collectors.toMap(RosterRow::phoneKey, Function.identity()));
        List<RosterRow> added = wanted.values().stream().filter(r -> !kept.containsKey(r.phoneKey())).toList();
        List<RosterRow> removed = kept.values().stream().filter(r -> !wanted.containsKey(r.phoneKey())).toList();
        List<RosterRow> changed = wanted.values().stream().filter(r -> kept.containsKey(r.phoneKey()) && !r.equals(kept.get(r.phoneKey()))).toList();
        List<Map<String, AttributeValue>> markerKeys = new ArrayList<>();
        added.forEach(r -> markerKeys.add(markerKey(code, r.phoneKey())));
        removed.forEach(r -> markerKeys.add(markerKey(code, r.phoneKey())));
        Map<String, RegisteredPhone> matches = store.table().getAll(markerKeys).stream().map(RegisteredPhone::fromItem)
                .collect(Collectors.toMap(RegisteredPhone::phoneKey, Function.identity()));

        List<Change> changes = new ArrayList<>();
        added.forEach(r -> changes.add(new Change(r, +1)));
        removed.forEach(r -> changes.add(new Change(r, -1)));
        changed.forEach(r -> changes.add(new Change(r, 0)));
        int chunks = Math.max(1, (changes.size() + CHUNK - 1) / CHUNK);
        for (int c = 0; c < chunks; c++) {
            List<Change> part = changes.subList(c * CHUNK, Math.min(changes.size(), (c + 1) * CHUNK));
            Transaction tx = c == chunks - 1 ? last : new Transaction();
            Map<String, Long> deltas = new LinkedHashMap<>();
            for (Change ch : part) {
                apply(tx, code, ch, matches.get(ch.row().phoneKey()), deltas);
            }
            addTo(tx, code, deltas);
            if (tx != last) {
                store.table().commit(tx);
            }
        }
        String now = clock.instant().toString();
        String by = guard.caller().username();
        store.table().update(last, SingleTable.key(EvaluationKeys.employer(code), EvaluationKeys.UNIT_SK), u -> u
                .updateExpression("SET rosterRows = :n, rosterUploadedAt = :at, rosterUploadedBy = :by, updatedAt = :at ADD version :one")
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeValues(SingleTable.values(":n", wanted.size(), ":at", now, ":by", by, ":one", 1)),
                () -> ProblemException.notFound("EMPLOYER_NOT_FOUND", "工作单位 " + code + " 未登记"));
        return new Result(code, wanted.size(), added.size(), removed.size(), changed.size(), now, by);
    }

    /** One row added (+1), removed (-1) or rewritten (0). */
    private record Change(RosterRow row, int sign) {
    }

    private void apply(Transaction tx, String code, Change ch, RegisteredPhone match, Map<String, Long> deltas) {
        if (ch.sign() == 0) {
            // A name or post changed: the row is rewritten, its match and the counters stay.
            tx.put(software.amazon.awssdk.services.dynamodb.model.Put.builder().tableName(store.table().name())
                    .item(ch.row().toItem()).conditionExpression("attribute_exists(pk)").build(), Rosters::busy);
            return;
        }
        if (ch.sign() > 0) {
            store.table().putNew(tx, ch.row().toItem(), Rosters::busy);
        } else {
            store.table().delete(tx, SingleTable.key(EvaluationKeys.roster(code), ch.row().phoneKey()),
                    d -> d.conditionExpression("attribute_exists(pk)"), Rosters::busy);
        }
        // The match read before must still hold: a registration in between cancels this and is counted on retry.
        ConditionCheck.Builder check = ConditionCheck.builder().tableName(store.table().name()).key(markerKey(code, ch.row().phoneKey()));
        if (match == null) {
            check.conditionExpression("attribute_not_exists(pk)");
        } else {
            check.conditionExpression("memberId = :m AND #status = :s").expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(SingleTable.values(":m", match.memberId(), ":s", match.status().name()));
        }
        tx.check(check.build(), Rosters::busy);
        add(deltas, RosterTally.ROSTERED, ch.sign());
        if (match != null) {
            count(deltas, match.communityCode(), match.status(), ch.sign());
        }
    }

    /**
     * Keeps a registration's match with its employer's roster, in the registration's or decision's own transaction
     * ({@link Registrations}): the match item follows the registration's status, and when the phone is on the
     * roster the counters move; when it is not, the transaction checks that it still is not.
     *
     * @param from the status before (null for a new registration)
     */
    void track(Transaction tx, MemberRegistration r, RegistrationStatus from, RegistrationStatus to) {
        String code = r.employerCode();
        String phoneKey = PhoneKey.of(r.phone());
        Optional<RegisteredPhone> held = store.table().get(EvaluationKeys.registeredPhone(code, phoneKey), Keys.REGISTRATION_SK, true)
                .map(RegisteredPhone::fromItem);
        RegisteredPhone match;
        if (from == null) {
            if (held.isPresent()) {
                return; // another registration naming the unit with this phone came first and holds the match
            }
            match = new RegisteredPhone(code, phoneKey, r.memberId(), to, r.homeName(), r.gridCode(), communityOf(r));
            store.table().putNew(tx, match.toItem(), Rosters::busy);
        } else {
            if (held.isEmpty() || !held.get().memberId().equals(r.memberId())) {
                return;
            }
            match = held.get().withStatus(to);
            store.table().update(tx, markerKey(code, phoneKey), u -> u
                    .updateExpression("SET #status = :to")
                    .conditionExpression("memberId = :m AND #status = :from")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(SingleTable.values(":to", to.name(), ":m", r.memberId(), ":from", from.name())),
                    Rosters::busy);
        }
        Map<String, AttributeValue> rowKey = SingleTable.key(EvaluationKeys.roster(code), phoneKey);
        if (store.table().get(EvaluationKeys.roster(code), phoneKey, true).isEmpty()) {
            tx.check(ConditionCheck.builder().tableName(store.table().name()).key(rowKey)
                    .conditionExpression("attribute_not_exists(pk)").build(), Rosters::busy);
            return;
        }
        store.table().requireExists(tx, rowKey, Rosters::busy);
        Map<String, Long> deltas = new LinkedHashMap<>();
        if (from != null) {
            count(deltas, match.communityCode(), from, -1);
        }
        count(deltas, match.communityCode(), to, +1);
        addTo(tx, code, deltas);
    }

    /** A page of the roster with each row's match: the roster one Query, the matches one BatchGet. */
    public Page<Entry> entries(String employerCode, int limit, String cursor) {
        guard.require(CheckinPermissions.EMPLOYER_READ, Keys.employerScope(employerCode));
        Page<RosterRow> rows = store.table().partition(EvaluationKeys.roster(employerCode), false, limit, cursor).map(RosterRow::fromItem);
        Map<String, RegisteredPhone> matches = store.table()
                .getAll(rows.items().stream().map(r -> markerKey(employerCode, r.phoneKey())).toList()).stream()
                .map(RegisteredPhone::fromItem).collect(Collectors.toMap(RegisteredPhone::phoneKey, Function.identity()));
        return rows.map(r -> new Entry(r, matches.get(r.phoneKey())));
    }

    public Rate rate(String employerCode) {
        guard.require(CheckinPermissions.EMPLOYER_READ, Keys.employerScope(employerCode));
        Employer employer = employers.load(employerCode);
        return new Rate(employer, tally(employerCode));
    }

    RosterTally tally(String employerCode) {
        return RosterTally.fromItem(store.table().get(Keys.employerTally(employerCode), EvaluationKeys.ROSTER_TALLY_SK).orElse(Map.of()));
    }

    /** Adds {@code deltas} to an employer's roster counters (nothing when all are zero). */
    void addTo(Transaction tx, String employerCode, Map<String, Long> deltas) {
        deltas.values().removeIf(v -> v == 0);
        if (deltas.isEmpty()) {
            return;
        }
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> parts = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, Long> d : deltas.entrySet()) {
            names.put("#a" + i, d.getKey());
            values.put(":v" + i, Attr.n(d.getValue()));
            parts.add("#a" + i + " :v" + i);
            i++;
        }
        store.table().update(tx, SingleTable.key(Keys.employerTally(employerCode), EvaluationKeys.ROSTER_TALLY_SK), u -> u
                .updateExpression("ADD " + String.join(", ", parts)).expressionAttributeNames(names).expressionAttributeValues(values),
                Rosters::busy);
    }

    /** A roster member whose registration stands at {@code status} counts {@code sign} times. */
    private static void count(Map<String, Long> deltas, String community, RegistrationStatus status, int sign) {
        if (RegisteredPhone.registered(status)) {
            add(deltas, RosterTally.REGISTERED, sign);
            add(deltas, RosterTally.perCommunity(RosterTally.REGISTERED, community), sign);
        }
        if (status == RegistrationStatus.CONFIRMED) {
            add(deltas, RosterTally.CONFIRMED, sign);
            add(deltas, RosterTally.perCommunity(RosterTally.CONFIRMED, community), sign);
        }
    }

    private static void add(Map<String, Long> deltas, String counter, long by) {
        deltas.merge(counter, by, Long::sum);
    }

    /** The community of a member's home: the parent of their grid on the home path. */
    static String communityOf(MemberRegistration r) {
        List<String> codes = r.pathCodes();
        int grid = codes.indexOf(r.gridCode());
        return grid > 0 ? codes.get(grid - 1) : r.gridCode();
    }

    private static Map<String, AttributeValue> markerKey(String employerCode, String phoneKey) {
        return SingleTable.key(EvaluationKeys.registeredPhone(employerCode, phoneKey), Keys.REGISTRATION_SK);
    }

    private static ProblemException busy() {
        return ProblemException.conflict("CONCURRENT_CHANGE", "花名册或报到正被同时修改，请稍后重试");
    }

    /** Checks every row and names each error's row (第 n 行); rows keyed by phone, a phone once. */
    private static Map<String, RosterRow> validated(String employerCode, List<RosterUpload.Row> rows) {
        if (rows.size() > MAX_ROWS) {
            throw ProblemException.badRequest("ROSTER_TOO_LARGE", "花名册最多 " + MAX_ROWS + " 行，本次 " + rows.size() + " 行，请分单位上传");
        }
        List<FieldError> errors = new ArrayList<>();
        Map<String, RosterRow> byKey = new LinkedHashMap<>();
        Map<String, Integer> firstRow = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            RosterUpload.Row row = rows.get(i);
            String at = "rows[" + i + "].";
            String line = "第 " + (i + 1) + " 行：";
            if (row == null) {
                errors.add(new FieldError("rows[" + i + "]", "ROW_REQUIRED", line + "该行为空"));
                continue;
            }
            String name = row.name() == null ? "" : row.name().trim();
            String post = row.post() == null || row.post().isBlank() ? null : row.post().trim();
            String phone = row.phone() == null ? "" : row.phone().trim();
            int before = errors.size();
            if (name.isEmpty()) {
                errors.add(new FieldError(at + "name", "NAME_REQUIRED", line + "请填写姓名"));
            } else if (name.length() > 30) {
                errors.add(new FieldError(at + "name", "NAME_TOO_LONG", line + "姓名最多 30 个字"));
            } else if (!DisplayText.Validator.isClean(name)) {
                errors.add(new FieldError(at + "name", "INVALID_TEXT", line + "姓名不能包含控制字符"));
            }
            if (!phone.matches(PHONE)) {
                errors.add(new FieldError(at + "phone", "INVALID_PHONE", line + "手机号码格式不正确"));
            } else if (firstRow.containsKey(phone)) {
                errors.add(new FieldError(at + "phone", "DUPLICATE_PHONE", line + "手机号码与第 " + (firstRow.get(phone) + 1) + " 行重复"));
            }
            if (post != null && post.length() > 30) {
                errors.add(new FieldError(at + "post", "POST_TOO_LONG", line + "职务最多 30 个字"));
            } else if (post != null && !DisplayText.Validator.isClean(post)) {
                errors.add(new FieldError(at + "post", "INVALID_TEXT", line + "职务不能包含控制字符"));
            }
            if (errors.size() == before) {
                firstRow.put(phone, i);
                String key = PhoneKey.of(phone);
                byKey.put(key, new RosterRow(employerCode, key, name, PhoneKey.mask(phone), post));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "ROSTER_INVALID", "花名册有误", "花名册有 " + errors.size() + " 处错误，请按行修改后重新上传"
                    + (errors.size() > MAX_ERRORS ? "（列出前 " + MAX_ERRORS + " 处）" : ""), errors.subList(0, Math.min(MAX_ERRORS, errors.size())));
        }
        return byKey;
    }
}
