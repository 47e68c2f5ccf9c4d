package org.redgrid.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;

import org.jboss.logging.Logger;
import org.redgrid.kernel.jobs.JobDispatch;
import org.redgrid.kernel.jobs.ScheduledJob;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler;

/**
 * The Lambda handler of scheduled functions ({@code Handler: org.redgrid.app.ScheduledJobs::handleRequest}, JVM
 * runtime), in the same function.zip, for the reason {@link StreamConsumers} gives. The schedule's input
 * {@code {"job": "<name>"}} names the {@code @Named} {@link ScheduledJob} to run; its summary is logged and returned.
 */
public class ScheduledJobs {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final Logger LOG = Logger.getLogger(ScheduledJobs.class);

    static {
        // Loading Quarkus' own handler class starts the application (its static initializer does).
        new QuarkusStreamHandler();
    }

    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String job = JSON.readTree(input).path("job").asText();
        byte[] summary = JSON.writeValueAsBytes(JobDispatch.run(job, Instant.now()));
        LOG.infof("job %s: %s", job, new String(summary, java.nio.charset.StandardCharsets.UTF_8));
        output.write(summary);
    }
}
