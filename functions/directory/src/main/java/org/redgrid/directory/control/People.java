package org.redgrid.directory.control;

import org.redgrid.kernel.dynamo.SingleTable;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.redgrid.directory.entity.GridNode;
import org.redgrid.directory.entity.Household;
import org.redgrid.directory.entity.Keys;
import org.redgrid.directory.entity.Person;
import org.redgrid.directory.entity.Position;
import org.redgrid.directory.entity.PositionType;
import org.redgrid.directory.entity.Totals;
import org.redgrid.kernel.audit.AccessAudit;
import org.redgrid.kernel.audit.AuditEntry;
import org.redgrid.kernel.dynamo.Attr;
import org.redgrid.kernel.dynamo.Idempotency;
import org.redgrid.kernel.dynamo.Transaction;
import org.redgrid.kernel.events.DomainEvent;
import org.redgrid.kernel.events.Outbox;
import org.redgrid.kernel.paging.Page;
import org.redgrid.kernel.problem.ProblemException;
import org.redgrid.kernel.security.Caller;
import org.redgrid.kernel.security.Guard;
import org.redgrid.kernel.time.Ids;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * People of the grid (人员) and their posts (岗位). A person is seen by whoever's scope covers their home or any
 * of their posts; phone and ID number leave unmasked only through {@link #read} with a reason, audited first.
 */
@ApplicationScoped
public class People {

    /** Posts one person may hold; keeps a person's changes inside one transaction. */
    static final int MAX_POSTS = 20;

    @Inject
    DirectoryStore store;

    @Inject
    Guard guard;

    @Inject
    AccessAudit audit;

    @Inject
    Clock clock;

    @Inject
    Idempotency idempotency;

    /** Registers a person; with an idempotency key, a repeat of the request answers with the person it registered. */
    public PersonFile register(NewPerson cmd, Idempotency.Key key) {
        return idempotency.once(store.table(), key, tx -> register(cmd, tx), f -> f.person().id(), this::load);
    }

    private PersonFile register(NewPerson cmd, Transaction tx) {
        PersonalData.requireValidIdNumber(cmd.idNumber());
        Optional<Household> household = Optional.ofNullable(cmd.householdId()).map(this::household);
        String homeCode = household.map(Household::nodeCode).orElse(cmd.homeNodeCode());
        if (homeCode == null) {
            throw ProblemException.invalidField("homeNodeCode", "REQUIRED", "请指定居住的网格/楼栋或所属户");
        }
        if (cmd.homeNodeCode() != null && !cmd.homeNodeCode().equals(homeCode)) {
            throw ProblemException.invalidField("homeNodeCode", "HOUSEHOLD_ELSEWHERE", "所属户登记在 " + homeCode + "，与居住节点不一致");
        }
        GridNode home = homeNode(homeCode);
        guard.require(DirectoryPermissions.PEOPLE_WRITE, home.path());
        String now = clock.instant().toString();
        Person person = new Person(Ids.newId(clock.instant()), cmd.name().trim(), cmd.gender(), cmd.phone(), upper(cmd.idNumber()),
                home.code(), home.path(), cmd.householdId(), cmd.partyStatus(), cmd.employer(), cmd.account(), Set.of(), 1, now, now);
        store.table().putNew(tx, person.toItem(), () -> ProblemException.conflict("PERSON_EXISTS", "人员编号冲突，请重试"));
        claimIdNumber(tx, person);
        new NodeTally().attach(home.code()).totals(home.path(), Totals.of(person)).addTo(tx, store.table());
        household.ifPresent(h -> store.table().requireExists(tx, SingleTable.key(Keys.household(h.id()), Keys.HOUSEHOLD_SK),
                () -> ProblemException.conflict("HOUSEHOLD_NOT_FOUND", "所属户已被删除")));
        if (cmd.account() != null) {
            store.table().putNew(tx, link(Keys.account(cmd.account()), Keys.ACCOUNT_SK, person),
                    () -> ProblemException.conflict("ACCOUNT_TAKEN", "登录账号 " + cmd.account() + " 已关联其他人员"));
        }
        return new PersonFile(person, List.of(), Set.of());
    }

    /**
     * Reads a person. Fields named in {@code reveal} come back unmasked if the caller's roles allow it for this
     * person, after the read is written to the audit trail with {@code reason}.
     */
    public PersonFile read(String id, List<String> reveal, String reason) {
        List<String> fields = PersonalData.requestedFields(reveal, reason);
        PersonFile file = load(id);
        guard.requireAny(DirectoryPermissions.PEOPLE_READ, file.paths());
        for (String field : fields) {
            guard.requireAny(PersonalData.permissionToReveal(field), file.paths());
        }
        if (!fields.isEmpty()) {
            audit.recordUnmaskedRead(Keys.person(id), guard.caller(), fields, reason.trim(), guard.requestId());
        }
        return new PersonFile(file.person(), file.positions(), Set.copyOf(fields));
    }

    /** People living under a node, or holding post {@code type} under it. */
    public Page<PersonSummary> list(String under, PositionType type, int limit, String cursor) {
        GridNode node = store.existingNode(under);
        guard.require(DirectoryPermissions.PEOPLE_READ, node.path());
        if (type == null) {
            return store.table().underPath(Keys.people(node.path()), node.path(), limit, cursor).map(i -> PersonSummary.of(Person.fromItem(i)));
        }
        return store.table().underPath(Keys.holders(type, node.path()), node.path(), limit, cursor)
                .map(i -> PersonSummary.of(Position.fromItem(i)));
    }

    public PersonFile update(String id, PersonChanges changes) {
        PersonalData.requireValidIdNumber(changes.idNumber());
        PersonFile file = load(id);
        Person p = file.person();
        guard.require(DirectoryPermissions.PEOPLE_WRITE, p.homePath());
        SingleTable.requireVersion(changes.version(), p.version());
        GridNode home = changes.homeNodeCode() == null || changes.homeNodeCode().equals(p.homeNodeCode()) ? null
                : homeNode(changes.homeNodeCode());
        if (home != null) {
            guard.require(DirectoryPermissions.PEOPLE_WRITE, home.path());
        }
        String now = clock.instant().toString();
        Person updated = new Person(p.id(), or(changes.name(), p.name()), changes.gender() == null ? p.gender() : changes.gender(),
                or(changes.phone(), p.phone()), changes.idNumber() == null ? p.idNumber() : upper(changes.idNumber()),
                home == null ? p.homeNodeCode() : home.code(), home == null ? p.homePath() : home.path(),
                home == null ? p.householdId() : null, changes.partyStatus() == null ? p.partyStatus() : changes.partyStatus(),
                or(changes.employer(), p.employer()), p.account(), p.posts(), p.version() + 1, p.createdAt(), now);
        Transaction tx = new Transaction();
        store.table().putVersioned(tx, updated.toItem(), p.version());
        for (Position position : file.positions()) {
            store.table().put(tx, position.withHolder(updated).toItem());
        }
        if (!Objects.equals(p.idNumber(), updated.idNumber())) {
            // The uniqueness item moves with the number: the old one is released, the new one claimed.
            if (p.idNumber() != null) {
                store.table().delete(tx, SingleTable.key(Keys.idNumber(p.idNumber()), Keys.ID_NUMBER_SK), d -> {
                }, () -> ProblemException.conflict("CONCURRENT_CHANGE", "身份证号正被他人同时修改，请重试"));
            }
            claimIdNumber(tx, updated);
        }
        NodeTally tally = new NodeTally().totals(p.homePath(), Totals.of(p).negate()).totals(updated.homePath(), Totals.of(updated));
        if (home != null) {
            tally.detach(p.homeNodeCode()).attach(home.code());
            Outbox.add(store.table(), tx, new DomainEvent(Ids.newId(clock.instant()), DirectoryEvents.PERSON_MOVED, now, home.code(),
                    guard.caller().username(), Map.of("personId", p.id(), "personName", updated.name(), "fromNode", p.homeNodeCode(),
                            "toNode", home.code(), "fromPath", p.homePath(), "toPath", home.path())));
        }
        tally.addTo(tx, store.table());
        store.table().commit(tx);
        return new PersonFile(updated, file.positions().stream().map(x -> x.withHolder(updated)).toList(), Set.of());
    }

    /** Gives a person a post at a node; assigning a post they already hold changes nothing. */
    public PersonFile assign(String id, String nodeCode, PositionType type) {
        PersonFile file = load(id);
        GridNode node = store.existingNode(nodeCode);
        // Both the person (where they live) and the post's node must be the caller's: a post gives whoever runs
        // its node a view of the person, so it may not be used to reach people of another community.
        guard.require(DirectoryPermissions.PEOPLE_WRITE, file.person().homePath());
        guard.require(DirectoryPermissions.PEOPLE_WRITE, node.path());
        if (!type.heldAt(node.level())) {
            throw ProblemException.invalidField("position", "POSITION_LEVEL_MISMATCH", type.label() + "不能设在" + node.level().label());
        }
        Position position = new Position(id, type, nodeCode, node.path(), file.person().name(), file.person().phone(),
                clock.instant().toString());
        if (file.person().posts().contains(position.summary())) {
            return file;
        }
        if (file.positions().size() >= MAX_POSTS) {
            throw ProblemException.conflict("TOO_MANY_POSTS", "一人最多担任 " + MAX_POSTS + " 个岗位");
        }
        Transaction tx = new Transaction();
        store.table().putNew(tx, position.toItem(), () -> ProblemException.conflict("CONCURRENT_CHANGE", "岗位正被他人同时设置，请刷新"));
        updatePosts(tx, id, "ADD", position.summary());
        new NodeTally().attach(nodeCode).addTo(tx, store.table());
        store.table().commit(tx);
        return load(id);
    }

    public PersonFile unassign(String id, String nodeCode, PositionType type) {
        PersonFile file = load(id);
        Position position = file.positions().stream().filter(p -> p.nodeCode().equals(nodeCode) && p.type() == type).findFirst()
                .orElseThrow(() -> ProblemException.notFound("POSITION_NOT_FOUND", "该人员未在此节点担任该岗位"));
        guard.require(DirectoryPermissions.PEOPLE_WRITE, file.person().homePath());
        guard.require(DirectoryPermissions.PEOPLE_WRITE, position.nodePath());
        Transaction tx = new Transaction();
        store.table().delete(tx, SingleTable.key(Keys.person(id), Keys.positionSk(nodeCode, type)),
                d -> d.conditionExpression("attribute_exists(pk)"), () -> ProblemException.notFound("POSITION_NOT_FOUND", "该岗位已被撤销"));
        updatePosts(tx, id, "DELETE", position.summary());
        new NodeTally().detach(nodeCode).addTo(tx, store.table());
        store.table().commit(tx);
        return load(id);
    }

    public Page<AuditEntry> auditTrail(String id, int limit, String cursor) {
        PersonFile file = load(id);
        guard.requireAny(DirectoryPermissions.AUDIT_READ, file.paths());
        return audit.trail(Keys.person(id), limit, cursor);
    }

    /**
     * The caller's own record (a resident's view): their own data is not masked from them, and their household comes
     * with it (one GetItem) so they see their address; only the household item itself, never its other members.
     */
    public PersonFile me() {
        Caller caller = guard.caller();
        String personId = store.table().get(Keys.account(caller.username()), Keys.ACCOUNT_SK).map(i -> Attr.str(i, "personId"))
                .orElseThrow(() -> ProblemException.notFound("NO_PERSON_FOR_ACCOUNT", "当前账号尚未关联居民信息，请联系社区登记"));
        PersonFile file = load(personId);
        Household household = Optional.ofNullable(file.person().householdId())
                .flatMap(id -> store.table().get(Keys.household(id), Keys.HOUSEHOLD_SK)).map(Household::fromItem).orElse(null);
        return new PersonFile(file.person(), file.positions(), Set.of(PersonalData.FIELD_PHONE, PersonalData.FIELD_ID_NUMBER), household);
    }

    /** Members of a household (used by {@link Households}). */
    Page<PersonSummary> members(String householdId, int limit, String cursor) {
        return store.table().byParent(Keys.household(householdId), limit, cursor).map(i -> PersonSummary.of(Person.fromItem(i)));
    }

    /**
     * Claims the person's 身份证号 in the same transaction as the person: a second person with the same number is
     * refused with the existing record's id, when the caller may see that record.
     */
    private void claimIdNumber(Transaction tx, Person person) {
        if (person.idNumber() == null) {
            return;
        }
        store.table().putNew(tx, link(Keys.idNumber(person.idNumber()), Keys.ID_NUMBER_SK, person), () -> {
            Optional<String> existing = store.table().get(Keys.idNumber(person.idNumber()), Keys.ID_NUMBER_SK, true)
                    .map(i -> Attr.str(i, "personId"))
                    .filter(other -> store.table().get(Keys.person(other), Keys.PROFILE_SK).isPresent()
                            && load(other).paths().stream().anyMatch(path -> guard.may(DirectoryPermissions.PEOPLE_READ, path)));
            ProblemException taken = ProblemException.conflict("PERSON_ID_NUMBER_TAKEN", "该身份证号已登记" +
                    (existing.isPresent() ? "，请勿重复登记" : "（登记在您管辖范围以外），请联系上级核实"));
            return existing.map(id -> taken.with("existingId", id)).orElse(taken);
        });
    }

    /** An item that links a key (login account, ID number) to one person. */
    private Map<String, AttributeValue> link(String pk, String sk, Person person) {
        Map<String, AttributeValue> item = new HashMap<>(SingleTable.key(pk, sk));
        item.put("personId", Attr.s(person.id()));
        item.put("updatedAt", Attr.s(person.updatedAt()));
        return item;
    }

    PersonFile load(String id) {
        List<Map<String, AttributeValue>> items = store.table().partition(Keys.person(id));
        Person person = null;
        List<Position> positions = new ArrayList<>();
        for (Map<String, AttributeValue> item : items) {
            String sk = Attr.str(item, SingleTable.SK);
            if (Keys.PROFILE_SK.equals(sk)) {
                person = Person.fromItem(item);
            } else if (sk.startsWith(Keys.POSITION_SK_PREFIX)) {
                positions.add(Position.fromItem(item));
            }
        }
        if (person == null) {
            throw ProblemException.notFound("PERSON_NOT_FOUND", "人员不存在");
        }
        return new PersonFile(person, List.copyOf(positions), Set.of());
    }

    private GridNode homeNode(String code) {
        GridNode node = store.existingNode("homeNodeCode", code);
        if (!node.level().holdsHouseholds()) {
            throw ProblemException.invalidField("homeNodeCode", "LEVEL_MISMATCH", "居住节点须为网格或楼栋");
        }
        return node;
    }

    private Household household(String id) {
        return store.table().get(Keys.household(id), Keys.HOUSEHOLD_SK).map(Household::fromItem).orElseThrow(
                () -> ProblemException.invalidField("householdId", "NOT_FOUND", "所属户不存在"));
    }

    private void updatePosts(Transaction tx, String id, String action, String summary) {
        store.table().update(tx, SingleTable.key(Keys.person(id), Keys.PROFILE_SK), u -> u
                .updateExpression(("ADD".equals(action) ? "ADD posts :p, version :one" : "DELETE posts :p ADD version :one")
                        + " SET updatedAt = :at")
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeValues(SingleTable.values(":p", AttributeValue.fromSs(List.of(summary)),
                        ":at", clock.instant().toString(), ":one", 1)),
                () -> ProblemException.notFound("PERSON_NOT_FOUND", "人员不存在"));
    }

    private static String or(String value, String fallback) {
        return value == null ? fallback : value.trim();
    }

    private static String upper(String idNumber) {
        return idNumber == null ? null : idNumber.toUpperCase();
    }
}
