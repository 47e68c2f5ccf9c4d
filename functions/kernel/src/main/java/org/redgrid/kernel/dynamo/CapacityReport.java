package org.redgrid.kernel.dynamo;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Logs the DynamoDB units each request consumed and returns them in {@value #HEADER}, so tests and the
 * benchmarks can compare them with each access pattern's designed minimum.
 */
public class CapacityReport {

    public static final String HEADER = "X-RedGrid-Consumed-Capacity";
    private static final Logger LOG = Logger.getLogger(CapacityReport.class);

    @Inject
    CapacityMeter meter;

    @ServerResponseFilter
    public void report(ContainerRequestContext request, ContainerResponseContext response) {
        if (meter.calls() == 0) {
            return;
        }
        String figures = String.format(java.util.Locale.ROOT, "read=%.1f;write=%.1f;calls=%d",
                meter.readUnits(), meter.writeUnits(), meter.calls());
        response.getHeaders().putSingle(HEADER, figures);
        LOG.infof("capacity %s %s status=%d %s", request.getMethod(), request.getUriInfo().getPath(), response.getStatus(), figures);
    }
}
