package org.redgrid.lists.control;

import static org.redgrid.kernel.dynamo.Attr.s;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.redgrid.kernel.dynamo.Attr;
import org.redgrid.kernel.dynamo.Idempotency;
import org.redgrid.kernel.dynamo.SingleTable;
import org.redgrid.kernel.dynamo.Transaction;
import org.redgrid.kernel.problem.FieldError;
import org.redgrid.kernel.problem.ProblemException;
import org.redgrid.kernel.time.Ids;
import org.redgrid.lists.entity.Keys;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The mechanics every list's sheet import (批量导入) shares: all rows are checked before anything is written (errors
 * name the row: {@code rows[3].category}), then each row is written in its own transaction, so a request stays well
 * inside the function's time. With an idempotency key each row's id derives from the key and the row's position, so
 * a repeated import finds its rows written and adds nothing; the same key with other rows is refused.
 */
@ApplicationScoped
public class SheetImports {

    /** Rows of one import. */
    public static final int MAX_ROWS = 200;

    @Inject
    ListsStore store;

    @Inject
    Months months;

    /** Writes row {@code index} into {@code tx} under {@code id}; a row already there is refused with {@code exists}. */
    @FunctionalInterface
    public interface RowWriter {
        void write(Transaction tx, int index, String id, Supplier<ProblemException> exists);
    }

    /**
     * Checks every row with {@code check} (given the row and its field prefix "rows[3].") and gathers the bad rows'
     * field errors into one 400; otherwise answers what each check returned, in row order.
     */
    public <R, C> List<C> checked(List<R> rows, BiFunction<R, String, C> check) {
        List<FieldError> errors = new ArrayList<>();
        List<C> checked = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            try {
                checked.add(check.apply(rows.get(i), "rows[" + i + "]."));
            } catch (ProblemException e) {
                if (e.status() != 400) {
                    throw e;
                }
                errors.addAll(e.errors());
            }
        }
        Checks.raise(errors);
        return checked;
    }

    /** Writes {@code count} checked rows, each in its own transaction, counting the ones an earlier copy wrote. */
    public Imported write(int count, Idempotency.Key key, RowWriter writer) {
        if (key != null) {
            claim(key);
        }
        List<String> ids = new ArrayList<>();
        int created = 0;
        for (int i = 0; i < count; i++) {
            String id = key == null ? Ids.newId(months.now()) : derivedId(key, i);
            ids.add(id);
            Transaction tx = new Transaction();
            writer.write(tx, i, id, AlreadyImported::new);
            try {
                store.table().commit(tx);
                created++;
            } catch (AlreadyImported repeat) {
                // written by the first copy of this import
            }
        }
        return new Imported(ids, created, count - created);
    }

    /** The import claims its key: a repeat with other rows is refused before anything is written. */
    private void claim(Idempotency.Key key) {
        Map<String, AttributeValue> earlier = store.table().get(key.recordKey(), Keys.IMPORT_SK, true).orElse(null);
        if (earlier != null) {
            if (!key.fingerprint().equals(Attr.str(earlier, "fingerprint"))) {
                throw new ProblemException(422, "IDEMPOTENCY_KEY_REUSED", "幂等键已被使用",
                        "该幂等键已用于另一份内容不同的导入，请为新的导入生成新的幂等键");
            }
            return;
        }
        Map<String, AttributeValue> item = new HashMap<>(SingleTable.key(key.recordKey(), Keys.IMPORT_SK));
        item.put("fingerprint", s(key.fingerprint()));
        item.put(SingleTable.EXPIRES_AT, Attr.n(months.now().plusSeconds(7 * 24 * 3600).getEpochSecond()));
        Transaction tx = new Transaction();
        store.table().putNew(tx, item, AlreadyImported::new);
        try {
            store.table().commit(tx);
        } catch (AlreadyImported racing) {
            claim(key);
        }
    }

    /** Row {@code index} of the import under {@code key}: the same id on every repeat of that import. */
    static String derivedId(Idempotency.Key key, int index) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((key.recordKey() + "#" + index).getBytes(StandardCharsets.UTF_8));
            StringBuilder id = new StringBuilder("IMP");
            for (int i = 0; i < 19; i++) {
                id.append("0123456789ABCDEFGHJKMNPQRSTVWXYZ".charAt((hash[i] & 0xff) % 32));
            }
            return id.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A row (or the import's key) written by an earlier copy of the same import. */
    private static final class AlreadyImported extends ProblemException {
        AlreadyImported() {
            super(409, "ALREADY_IMPORTED", "重复导入", "该行已导入");
        }
    }
}
