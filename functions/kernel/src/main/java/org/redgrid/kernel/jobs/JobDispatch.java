package org.redgrid.kernel.jobs;

import java.time.Instant;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import jakarta.enterprise.inject.literal.NamedLiteral;

/** Runs the {@code @Named} {@link ScheduledJob} of the running application that a schedule's input names. */
public final class JobDispatch {

    private JobDispatch() {
    }

    /** @return the job's summary */
    public static Object run(String jobName, Instant at) {
        try (InstanceHandle<ScheduledJob> job = Arc.container().instance(ScheduledJob.class, NamedLiteral.of(jobName))) {
            if (!job.isAvailable()) {
                throw new IllegalArgumentException("no scheduled job named " + jobName);
            }
            Arc.container().requestContext().activate();
            try {
                return job.get().run(at);
            } finally {
                Arc.container().requestContext().terminate();
            }
        }
    }
}
