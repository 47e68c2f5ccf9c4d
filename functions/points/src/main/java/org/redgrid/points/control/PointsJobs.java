package org.redgrid.points.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;

import org.redgrid.kernel.jobs.ScheduledJob;

/**
 * The points domain's scheduled jobs (积分定时任务), run by template.yaml's PointsJobsFunction: the expiry of earning
 * years past their community's policy ({@link Expiry#runAll}) and the hash-chain audit of every account
 * ({@link ChainAudit#runAll}, which logs an ERROR line per break).
 */
@ApplicationScoped
public class PointsJobs {

    public static final String EXPIRY = "points-expiry";
    public static final String CHAIN_AUDIT = "points-chain-audit";

    @Produces
    @Named(EXPIRY)
    ScheduledJob expiry(Expiry expiry) {
        return expiry::runAll;
    }

    @Produces
    @Named(CHAIN_AUDIT)
    ScheduledJob chainAudit(ChainAudit audit) {
        return at -> audit.runAll();
    }
}
