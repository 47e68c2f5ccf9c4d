package org.redgrid.checkin.control;

import java.util.function.Supplier;

import org.redgrid.kernel.dynamo.Idempotency;
import org.redgrid.kernel.problem.ProblemException;

/**
 * Retried POSTs whose record has a natural key (one registration per member, one clock-in per window): a copy of
 * the request racing the first fails on that key before its idempotency record is looked at; asked once more, the
 * idempotency record answers with the first result. Without a key, or when the record was made by another
 * request, the refusal stands.
 */
final class FirstResult {

    private FirstResult() {
    }

    static <T> T of(Idempotency.Key key, String refusalCode, Supplier<T> attempt) {
        try {
            return attempt.get();
        } catch (ProblemException e) {
            if (key == null || !refusalCode.equals(e.code())) {
                throw e;
            }
            return attempt.get();
        }
    }
}
