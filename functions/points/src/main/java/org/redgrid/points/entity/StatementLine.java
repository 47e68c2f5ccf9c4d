package org.redgrid.points.entity;

import static org.redgrid.kernel.dynamo.Attr.num;
import static org.redgrid.kernel.dynamo.Attr.str;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import org.redgrid.kernel.dynamo.Attr;
import org.redgrid.kernel.dynamo.SingleTable;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A posting as it stands in its account's chain (账户流水): the account's sequence number, the balance after it, and
 * a hash that covers everything it says and the hash of the posting before it, so changing or removing any posting
 * breaks every hash after it.
 */
public record StatementLine(String accountId, long sequence, String entryId, EntryKind kind, long amount, long balanceAfter,
        String memo, String postedAt, String previousHash, String hash) {

    public static StatementLine chained(String accountId, long sequence, String entryId, EntryKind kind, long amount,
            long balanceAfter, String memo, String postedAt, String previousHash) {
        StatementLine unsealed = new StatementLine(accountId, sequence, entryId, kind, amount, balanceAfter, memo, postedAt,
                previousHash, null);
        return new StatementLine(accountId, sequence, entryId, kind, amount, balanceAfter, memo, postedAt, previousHash,
                unsealed.expectedHash());
    }

    /** The hash this line must carry given what it says. */
    public String expectedHash() {
        String text = String.join("|", previousHash, accountId, Long.toString(sequence), entryId, kind.name(),
                Long.toString(amount), Long.toString(balanceAfter), memo, postedAt);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Map<String, AttributeValue> toItem() {
        Map<String, AttributeValue> item = new HashMap<>(SingleTable.key(Keys.postings(accountId), Keys.postingSk(sequence)));
        item.put("entryId", Attr.s(entryId));
        item.put("kind", Attr.s(kind.name()));
        item.put("amount", Attr.n(amount));
        item.put("balanceAfter", Attr.n(balanceAfter));
        item.put("memo", Attr.s(memo));
        item.put("postedAt", Attr.s(postedAt));
        item.put("previousHash", Attr.s(previousHash));
        item.put("hash", Attr.s(hash));
        return item;
    }

    public static StatementLine fromItem(Map<String, AttributeValue> item) {
        return new StatementLine(str(item, "pk").substring("POSTINGS#".length()), Long.parseLong(str(item, "sk")),
                str(item, "entryId"), EntryKind.valueOf(str(item, "kind")), num(item, "amount"), num(item, "balanceAfter"),
                str(item, "memo"), str(item, "postedAt"), str(item, "previousHash"), str(item, "hash"));
    }
}
