package org.redgrid.kernel.jobs;

import java.time.Instant;

/**
 * A domain's scheduled job (定时任务), e.g. points' nightly expiry run: a CDI bean {@code @Named} after the job, which
 * template.yaml's schedule names in its input ({@code {"job": "<name>"}}). It runs as the system, with no caller, and
 * answers a summary of what it did (logged and returned by the function).
 */
public interface ScheduledJob {

    Object run(Instant at);
}
