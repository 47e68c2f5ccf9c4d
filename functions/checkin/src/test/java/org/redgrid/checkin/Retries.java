package org.redgrid.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.redgrid.testkit.Gateway;

/** A phone retrying on a bad network: one request sent many times at once. */
final class Retries {

    private Retries() {
    }

    /** Sends {@code request} {@code copies} times in parallel; every answer must be 201 and the same. Returns it. */
    static String allAnswerAlike(int copies, Callable<Gateway.Reply> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(copies);
        List<Future<Gateway.Reply>> replies;
        try {
            replies = pool.invokeAll(Collections.nCopies(copies, request));
        } finally {
            pool.shutdown();
        }
        Set<String> answers = new HashSet<>();
        for (Future<Gateway.Reply> f : replies) {
            Gateway.Reply r = f.get();
            assertEquals(201, r.status(), r::toString);
            answers.add(r.body());
        }
        assertEquals(1, answers.size(), () -> "every answer is the first one: " + answers);
        return answers.iterator().next();
    }
}
