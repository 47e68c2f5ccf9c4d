package org.redgrid.points.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.redgrid.kernel.dynamo.Idempotency;
import org.redgrid.kernel.dynamo.SingleTable;
import org.redgrid.kernel.dynamo.Transaction;
import org.redgrid.kernel.problem.ProblemException;
import org.redgrid.kernel.security.Guard;
import org.redgrid.kernel.time.Ids;
import org.redgrid.points.entity.AccountKind;
import org.redgrid.points.entity.EntryKind;
import org.redgrid.points.entity.Good;
import org.redgrid.points.entity.JournalEntry;
import org.redgrid.points.entity.Keys;
import org.redgrid.points.entity.PointsAccount;
import org.redgrid.points.entity.Posting;
import org.redgrid.points.entity.Redemption;
import org.redgrid.points.entity.Store;

/**
 * The points supermarket (积分超市): stores, goods and stock, and redemption at the counter — one transaction
 * decrements the stock under a condition, debits the household, credits the store and records the redemption,
 * so a good is never oversold and a balance never goes negative, however many counters race.
 */
@ApplicationScoped
public class Supermarket {

    @Inject
    PointsStore store;

    @Inject
    PointsLedger ledger;

    @Inject
    Awards awards;

    @Inject
    Guard guard;

    @Inject
    Idempotency idempotency;

    @Inject
    Clock clock;

    @ConfigProperty(name = "redgrid.points.cancel-window", defaultValue = "PT30M")
    Duration cancelWindow;

    public record NewStore(@NotBlank(message = "请填写超市名称") @Size(max = 50, message = "名称最多 50 个字") String name,
            @NotBlank(message = "请指定所在社区或网格") String nodeCode) {
    }

    public record NewGood(@NotBlank(message = "请填写商品名称") @Size(max = 50, message = "名称最多 50 个字") String name,
            @NotNull(message = "请填写积分价格") @Min(value = 1, message = "积分价格至少为 1") @Max(value = 1_000_000, message = "积分价格最多 1000000") Long price,
            @NotNull(message = "请填写库存") @Min(value = 0, message = "库存不能为负") @Max(value = 1_000_000, message = "库存最多 1000000") Long stock) {
    }

    public record Restock(@NotNull(message = "请填写补货数量") @Min(value = 1, message = "补货数量至少为 1") @Max(value = 1_000_000, message = "补货数量最多 1000000") Long quantity) {
    }

    public record NewRedemption(@NotBlank(message = "请指定超市") String storeId, @NotBlank(message = "请指定商品") String goodId,
            @NotBlank(message = "请指定住户") String householdId,
            @NotNull(message = "请填写数量") @Min(value = 1, message = "数量至少为 1") @Max(value = 100, message = "单次最多兑换 100 件") Long quantity) {
    }

    public Store open(NewStore cmd, Idempotency.Key key) {
        PointsStore.Located at = store.locate("nodeCode", cmd.nodeCode());
        guard.require(PointsPermissions.STORES_WRITE, at.node().path());
        String now = clock.instant().toString();
        Store opened = new Store(Ids.newId(clock.instant()), cmd.name(), at.node().code(), at.node().path(), at.community().code(), now);
        return idempotency.once(store.table(), key, tx -> {
            store.table().putNew(tx, opened.toItem(), () -> ProblemException.conflict("STORE_EXISTS", "超市编号重复，请重试"));
            ledger.open(tx, PointsAccount.open(AccountKind.STORE, opened.id(), opened.nodeCode(), opened.path(),
                    opened.communityCode(), 0, now));
            return opened;
        }, Store::id, this::storeById);
    }

    public Good addGood(String storeId, NewGood cmd, Idempotency.Key key) {
        Store at = writableStore(storeId, PointsPermissions.STORES_WRITE);
        Good good = new Good(at.id(), Ids.newId(clock.instant()), cmd.name(), cmd.price(), cmd.stock());
        return idempotency.once(store.table(), key, tx -> {
            store.table().putNew(tx, good.toItem(), () -> ProblemException.conflict("GOOD_EXISTS", "商品编号重复，请重试"));
            return good;
        }, Good::id, id -> good(storeId, id));
    }

    public Good restock(String storeId, String goodId, Restock cmd, Idempotency.Key key) {
        writableStore(storeId, PointsPermissions.STORES_WRITE);
        good(storeId, goodId);
        idempotency.once(store.table(), key, tx -> {
            store.table().update(tx, SingleTable.key(Keys.store(storeId), Keys.goodSk(goodId)), u -> u
                    .updateExpression("ADD stock :q").conditionExpression("attribute_exists(pk)")
                    .expressionAttributeValues(SingleTable.values(":q", cmd.quantity())), () -> goodNotFound(goodId));
            return goodId;
        }, id -> id, id -> id);
        return good(storeId, goodId);
    }

    public List<Good> goods(String storeId) {
        guard.require(PointsPermissions.LEDGER_READ, storeById(storeId).path());
        return shelf(storeId);
    }

    public Redemption redeem(NewRedemption cmd, Idempotency.Key key) {
        Store at = writableStore(cmd.storeId(), PointsPermissions.COUNTER_WRITE);
        PointsAccount household = awards.householdAccount(cmd.householdId());
        if (!household.communityCode().equals(at.communityCode())) {
            throw ProblemException.conflict("OTHER_COMMUNITY", "只能在本社区的积分超市兑换");
        }
        return ledger.retrying(() -> idempotency.once(store.table(), key, tx -> {
            Good good = good(cmd.storeId(), cmd.goodId());
            if (good.stock() < cmd.quantity()) {
                throw outOfStock(good);
            }
            // The stock condition comes first: when a race is lost on both stock and balance, the refusal is "sold out".
            store.table().update(tx, SingleTable.key(Keys.store(at.id()), Keys.goodSk(good.id())), u -> u
                    .updateExpression("SET stock = stock - :q").conditionExpression("stock >= :q")
                    .expressionAttributeValues(SingleTable.values(":q", cmd.quantity())), () -> outOfStock(good));
            long points = good.price() * cmd.quantity();
            String id = Ids.newId(clock.instant());
            Map<String, Long> after = new HashMap<>();
            JournalEntry entry = ledger.post(tx, new PointsLedger.Draft(EntryKind.REDEMPTION, at.communityCode(),
                    List.of(new Posting(household.id(), -points), new Posting(AccountKind.STORE.accountId(at.id()), points)),
                    "兑换 " + good.name() + " × " + cmd.quantity(), guard.caller().username(), PointsLedger.sourceOf(key), null, id), after);
            Redemption redemption = new Redemption(id, at.id(), at.name(), good.id(), good.name(), cmd.householdId(), cmd.quantity(),
                    points, entry.id(), after.get(household.id()), Redemption.DONE, clock.instant().toString(), guard.caller().username());
            sales(tx, at.id(), Months.of(clock.instant()), points, cmd.quantity(), 1);
            store.table().putNew(tx, redemption.toItem(), () -> ProblemException.conflict("REDEMPTION_EXISTS", "兑换编号重复，请重试"));
            return redemption;
        }, Redemption::id, this::redemption));
    }

    /** Cancellation within the window (撤销兑换): a reversal of the entry, and the stock back on the shelf. */
    public Redemption cancel(String redemptionId) {
        Redemption done = redemption(redemptionId);
        writableStore(done.storeId(), PointsPermissions.COUNTER_WRITE);
        if (!Redemption.DONE.equals(done.status())) {
            throw ProblemException.conflict("ALREADY_CANCELLED", "该兑换已撤销");
        }
        if (Instant.parse(done.redeemedAt()).plus(cancelWindow).isBefore(clock.instant())) {
            throw ProblemException.conflict("CANCEL_WINDOW_PASSED", "已超过可撤销时限（" + cancelWindow.toMinutes() + " 分钟）");
        }
        return ledger.retrying(() -> {
            Transaction tx = new Transaction();
            store.table().update(tx, SingleTable.key(Keys.redemption(redemptionId), Keys.REDEMPTION_SK), u -> u
                    .updateExpression("SET #status = :cancelled").conditionExpression("#status = :done")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(SingleTable.values(":cancelled", Redemption.CANCELLED, ":done", Redemption.DONE)),
                    () -> ProblemException.conflict("ALREADY_CANCELLED", "该兑换已撤销"));
            store.table().update(tx, SingleTable.key(Keys.store(done.storeId()), Keys.goodSk(done.goodId())), u -> u
                    .updateExpression("ADD stock :q").expressionAttributeValues(SingleTable.values(":q", done.quantity())),
                    PointsLedger::busy);
            ledger.reverse(tx, ledger.entry(done.entryId()), "撤销兑换", guard.caller().username(), null);
            sales(tx, done.storeId(), Months.of(Instant.parse(done.redeemedAt())), -done.points(), -done.quantity(), -1);
            store.table().commit(tx);
            return redemption(redemptionId);
        });
    }

    /** A store's sales of a month (积分超市月销售), kept by every redemption and cancellation in its own transaction. */
    private void sales(Transaction tx, String storeId, String month, long points, long quantity, long redemptions) {
        store.table().update(tx, SingleTable.key(Keys.store(storeId), Keys.salesSk(month)), u -> u
                .updateExpression("ADD points :p, quantity :q, redemptions :r")
                .expressionAttributeValues(SingleTable.values(":p", points, ":q", quantity, ":r", redemptions)), PointsLedger::busy);
    }

    /** Stores of the community of {@code nodeCode} that the caller may serve at the counter (柜台可服务的超市). */
    public List<Store> counterStores(String nodeCode) {
        PointsStore.Located at = store.locate("node", nodeCode);
        return store.query(SingleTable.BY_PARENT, Keys.stores(at.community().code()), null, null, null, false, 1000).stream()
                .map(Store::fromItem).filter(s -> guard.may(PointsPermissions.COUNTER_WRITE, s.path())).toList();
    }

    /** A store the caller serves at the counter, or 403. */
    public Store counterStore(String storeId) {
        return writableStore(storeId, PointsPermissions.COUNTER_WRITE);
    }

    /** The goods of a store, as they stand (no scope check: callers check their own). */
    public List<Good> shelf(String storeId) {
        return store.table().partition(Keys.store(storeId)).stream()
                .filter(i -> i.get(SingleTable.SK).s().startsWith("GOOD#")).map(Good::fromItem).toList();
    }

    public Redemption redemption(String id) {
        return store.table().get(Keys.redemption(id), Keys.REDEMPTION_SK, true).map(Redemption::fromItem)
                .orElseThrow(() -> ProblemException.notFound("REDEMPTION_NOT_FOUND", "兑换记录 " + id + " 不存在"));
    }

    public Store storeById(String id) {
        return store.table().get(Keys.store(id), Keys.STORE_SK).map(Store::fromItem)
                .orElseThrow(() -> ProblemException.notFound("STORE_NOT_FOUND", "积分超市 " + id + " 不存在"));
    }

    private Store writableStore(String id, String permission) {
        Store found = storeById(id);
        guard.require(permission, found.path());
        return found;
    }

    private Good good(String storeId, String goodId) {
        return store.table().get(Keys.store(storeId), Keys.goodSk(goodId), true).map(Good::fromItem)
                .orElseThrow(() -> goodNotFound(goodId));
    }

    private static ProblemException goodNotFound(String goodId) {
        return ProblemException.notFound("GOOD_NOT_FOUND", "商品 " + goodId + " 不存在");
    }

    private static ProblemException outOfStock(Good good) {
        return ProblemException.conflict("OUT_OF_STOCK", "商品“" + good.name() + "”库存不足").with("stock", good.stock());
    }
}
