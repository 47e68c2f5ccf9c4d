package org.redgrid.points.entity;

import static org.redgrid.kernel.dynamo.Attr.num;
import static org.redgrid.kernel.dynamo.Attr.str;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import org.redgrid.kernel.dynamo.Attr;
import org.redgrid.kernel.dynamo.SingleTable;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A points account (积分账户): its balance, and the head of its hash chain — the sequence and hash of its last
 * posting — against which the next posting is written (conditionally, so no two postings take the same place).
 * A household's account also keeps what is unspent of each earning year ({@code lots}, spent oldest first, so
 * that expiry takes only the points of the year that expires) and what it earned each year ({@code earned}, the
 * leaderboard's figure); both change only with the balance, in the same conditional update.
 *
 * @param nodeCode      where the owner is in the grid (a household's grid or building, a store's or budget's community)
 * @param path          that node's materialized path, for scope checks
 * @param communityCode the community whose trial balance the account belongs to
 * @param gridCode      a household's grid (its leaderboard), or null
 * @param label         a household's name as the directory knows it (户名/门牌), or null
 * @param floor         the lowest balance allowed: 0, or minus the issuing limit for a budget
 */
public record PointsAccount(String id, AccountKind kind, String ownerId, String nodeCode, String path, String communityCode,
        String gridCode, String label, long balance, long sequence, String headHash, long floor, String openedAt,
        TreeMap<String, Long> lots, TreeMap<String, Long> earned) {

    /** The hash a chain starts from. */
    public static final String GENESIS = "0".repeat(64);

    public static PointsAccount open(AccountKind kind, String ownerId, String nodeCode, String path, String communityCode,
            long floor, String openedAt) {
        return open(kind, ownerId, nodeCode, path, communityCode, null, null, floor, openedAt);
    }

    public static PointsAccount open(AccountKind kind, String ownerId, String nodeCode, String path, String communityCode,
            String gridCode, String label, long floor, String openedAt) {
        return new PointsAccount(kind.accountId(ownerId), kind, ownerId, nodeCode, path, communityCode, gridCode, label, 0, 0,
                GENESIS, floor, openedAt, new TreeMap<>(), new TreeMap<>());
    }

    public Map<String, AttributeValue> toItem() {
        Map<String, AttributeValue> item = new HashMap<>(SingleTable.key(Keys.account(id), Keys.ACCOUNT_SK));
        item.put("kind", Attr.s(kind.name()));
        item.put("ownerId", Attr.s(ownerId));
        item.put("nodeCode", Attr.s(nodeCode));
        item.put("path", Attr.s(path));
        item.put("communityCode", Attr.s(communityCode));
        Attr.putIfPresent(item, "gridCode", gridCode);
        Attr.putIfPresent(item, "label", label);
        item.put("balance", Attr.n(balance));
        item.put("sequence", Attr.n(sequence));
        item.put("headHash", Attr.s(headHash));
        item.put("floor", Attr.n(floor));
        item.put("openedAt", Attr.s(openedAt));
        if (kind == AccountKind.HOUSEHOLD) {
            item.put("lots", Amounts.toAttr(lots));
            item.put("earned", Amounts.toAttr(earned));
            item.put(SingleTable.GSI2PK, Attr.s(Keys.households(communityCode)));
            item.put(SingleTable.GSI2SK, Attr.s(path + ownerId));
            if (label != null) {
                item.put(SingleTable.GSI1PK, Attr.s(Keys.householdNames(communityCode)));
                item.put(SingleTable.GSI1SK, Attr.s(label + "#" + ownerId));
            }
        }
        return item;
    }

    public static PointsAccount fromItem(Map<String, AttributeValue> item) {
        return new PointsAccount(str(item, "pk").substring("ACCOUNT#".length()), AccountKind.valueOf(str(item, "kind")),
                str(item, "ownerId"), str(item, "nodeCode"), str(item, "path"), str(item, "communityCode"), str(item, "gridCode"),
                str(item, "label"), num(item, "balance"), num(item, "sequence"), str(item, "headHash"), num(item, "floor"),
                str(item, "openedAt"), Amounts.of(item.get("lots")), Amounts.of(item.get("earned")));
    }

    /** The map attribute as stored. */
    public static AttributeValue amounts(Map<String, Long> amounts) {
        return Amounts.toAttr(amounts);
    }
}
