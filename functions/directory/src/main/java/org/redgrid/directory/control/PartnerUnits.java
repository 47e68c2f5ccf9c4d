package org.redgrid.directory.control;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.redgrid.directory.entity.GridNode;
import org.redgrid.directory.entity.Keys;
import org.redgrid.directory.entity.NodeLevel;
import org.redgrid.directory.entity.PartnerUnit;
import org.redgrid.directory.entity.Totals;
import org.redgrid.kernel.audit.AccessAudit;
import org.redgrid.kernel.dynamo.Attr;
import org.redgrid.kernel.dynamo.Idempotency;
import org.redgrid.kernel.dynamo.SingleTable;
import org.redgrid.kernel.dynamo.Transaction;
import org.redgrid.kernel.paging.Page;
import org.redgrid.kernel.problem.ProblemException;
import org.redgrid.kernel.security.Guard;
import org.redgrid.kernel.time.Ids;


/** Partner units (共建单位) paired with a street or community, and their contacts. */
@ApplicationScoped
public class PartnerUnits {

    /** A unit and whether this read may show its contacts' phones unmasked (already audited). */
    public record UnitFile(PartnerUnit unit, boolean phonesRevealed) {
    }

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

    /** Registers a unit; with an idempotency key, a repeat of the request answers with the unit it registered. */
    public PartnerUnit register(UnitDraft draft, Idempotency.Key key) {
        return idempotency.once(store.table(), key, tx -> register(draft, tx), PartnerUnit::id, this::load);
    }

    private PartnerUnit register(UnitDraft draft, Transaction tx) {
        GridNode node = pairedNode(draft.nodeCode());
        String now = clock.instant().toString();
        PartnerUnit unit = build(Ids.newId(clock.instant()), draft, node.code(), node.path(), 1, now, now);
        store.table().putNew(tx, unit.toItem(), () -> ProblemException.conflict("UNIT_EXISTS", "单位编号冲突，请重试"));
        new NodeTally().attach(node.code()).totals(node.path(), Totals.ONE_UNIT).addTo(tx, store.table());
        return unit;
    }

    public UnitFile read(String id, List<String> reveal, String reason) {
        List<String> fields = PersonalData.requestedFields(reveal, reason);
        if (fields.contains(PersonalData.FIELD_ID_NUMBER)) {
            throw ProblemException.invalidField("reveal", "UNKNOWN_FIELD", "共建单位联系人只有电话可查看");
        }
        PartnerUnit unit = load(id);
        guard.require(DirectoryPermissions.PEOPLE_READ, unit.nodePath());
        if (!fields.isEmpty()) {
            guard.require(DirectoryPermissions.REVEAL_PHONE, unit.nodePath());
            audit.recordUnmaskedRead(Keys.unit(id), guard.caller(), fields, reason.trim(), guard.requestId());
        }
        return new UnitFile(unit, !fields.isEmpty());
    }

    public Page<PartnerUnit> list(String under, int limit, String cursor) {
        GridNode node = store.existingNode(under);
        guard.require(DirectoryPermissions.PEOPLE_READ, node.path());
        return store.table().underPath(Keys.units(node.path()), node.path(), limit, cursor).map(PartnerUnit::fromItem);
    }

    public PartnerUnit update(String id, UnitDraft draft) {
        PartnerUnit current = load(id);
        guard.require(DirectoryPermissions.PEOPLE_WRITE, current.nodePath());
        SingleTable.requireVersion(draft.version(), current.version());
        GridNode node = draft.nodeCode().equals(current.nodeCode()) ? null : pairedNode(draft.nodeCode());
        PartnerUnit updated = node == null
                ? build(id, draft, current.nodeCode(), current.nodePath(), current.version() + 1, current.createdAt(), clock.instant().toString())
                : build(id, draft, node.code(), node.path(), current.version() + 1, current.createdAt(), clock.instant().toString());
        Transaction tx = new Transaction();
        store.table().putVersioned(tx, updated.toItem(), current.version());
        if (node != null) {
            new NodeTally().detach(current.nodeCode()).totals(current.nodePath(), Totals.ONE_UNIT.negate())
                    .attach(node.code()).totals(node.path(), Totals.ONE_UNIT).addTo(tx, store.table());
        }
        store.table().commit(tx);
        return updated;
    }

    private PartnerUnit load(String id) {
        return store.table().get(Keys.unit(id), Keys.UNIT_SK).map(PartnerUnit::fromItem)
                .orElseThrow(() -> ProblemException.notFound("UNIT_NOT_FOUND", "共建单位不存在"));
    }

    private GridNode pairedNode(String code) {
        GridNode node = store.existingNode("nodeCode", code);
        if (node.level() != NodeLevel.STREET && node.level() != NodeLevel.COMMUNITY) {
            throw ProblemException.invalidField("nodeCode", "LEVEL_MISMATCH", "共建单位须与街道或社区结对");
        }
        guard.require(DirectoryPermissions.PEOPLE_WRITE, node.path());
        return node;
    }

    private static PartnerUnit build(String id, UnitDraft d, String nodeCode, String nodePath, long version, String createdAt,
            String now) {
        List<PartnerUnit.Contact> contacts = d.contacts().stream()
                .map(c -> new PartnerUnit.Contact(c.name().trim(), c.title(), c.phone())).toList();
        return new PartnerUnit(id, d.name().trim(), d.kind().trim(), nodeCode, nodePath, d.address(), contacts, version,
                createdAt, now);
    }
}
