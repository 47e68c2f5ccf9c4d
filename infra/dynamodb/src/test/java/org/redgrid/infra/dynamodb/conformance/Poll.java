package org.redgrid.infra.dynamodb.conformance;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Waiting with a bound for what a real service does in the background (tables becoming ACTIVE, stream records, TTL
 * deletions). Never a timed assertion: the bound only keeps a broken engine from hanging the suite.
 */
final class Poll {

    private Poll() {
    }

    /** Asks {@code attempt} until it answers, every {@code interval}, failing with {@code what} after {@code bound}. */
    static <T> T until(String what, Duration bound, Duration interval, Supplier<Optional<T>> attempt) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            Optional<T> answer = attempt.get();
            if (answer.isPresent()) {
                return answer.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still waiting after " + bound + " for " + what);
            }
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }
}
