package org.redgrid.points.entity;

import static org.redgrid.kernel.dynamo.Attr.num;
import static org.redgrid.kernel.dynamo.Attr.str;

import java.util.HashMap;
import java.util.Map;

import org.redgrid.kernel.dynamo.Attr;
import org.redgrid.kernel.dynamo.SingleTable;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A points account (积分账户): its balance, and the head of its hash chain — the sequence and hash of its last
 * posting — against which the next posting is written (conditionally, so no two postings take the same place).
 *
 * @param nodeCode      where the owner is in the grid (a household's grid or building, a store's or budget's community)
 * @param path          that node's materialized path, for scope checks
 * @param communityCode the community whose trial balance the account belongs to
 * @param floor         the lowest balance allowed: 0, or minus the issuing limit for a budget
 */
public record PointsAccount(String id, AccountKind kind, String ownerId, String nodeCode, String path, String communityCode,
        long balance, long sequence, String headHash, long floor, String openedAt) {

    /** The hash a chain starts from. */
    public static final String GENESIS = "0".repeat(64);

    public static PointsAccount open(AccountKind kind, String ownerId, String nodeCode, String path, String communityCode,
            long floor, String openedAt) {
        return new PointsAccount(kind.accountId(ownerId), kind, ownerId, nodeCode, path, communityCode, 0, 0, GENESIS, floor,
                openedAt);
    }

    public Map<String, AttributeValue> toItem() {
        Map<String, AttributeValue> item = new HashMap<>(SingleTable.key(Keys.account(id), Keys.ACCOUNT_SK));
        item.put("kind", Attr.s(kind.name()));
        item.put("ownerId", Attr.s(ownerId));
        item.put("nodeCode", Attr.s(nodeCode));
        item.put("path", Attr.s(path));
        item.put("communityCode", Attr.s(communityCode));
        item.put("balance", Attr.n(balance));
        item.put("sequence", Attr.n(sequence));
        item.put("headHash", Attr.s(headHash));
        item.put("floor", Attr.n(floor));
        item.put("openedAt", Attr.s(openedAt));
        return item;
    }

    public static PointsAccount fromItem(Map<String, AttributeValue> item) {
        return new PointsAccount(str(item, "pk").substring("ACCOUNT#".length()), AccountKind.valueOf(str(item, "kind")),
                str(item, "ownerId"), str(item, "nodeCode"), str(item, "path"), str(item, "communityCode"), num(item, "balance"),
                num(item, "sequence"), str(item, "headHash"), num(item, "floor"), str(item, "openedAt"));
    }
}
