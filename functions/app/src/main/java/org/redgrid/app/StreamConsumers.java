package org.redgrid.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.eclipse.microprofile.config.ConfigProvider;
import org.redgrid.kernel.events.EventConsumer;
import org.redgrid.kernel.events.StreamDispatch;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler;

/**
 * The Lambda handler of the stream functions ({@code Handler: org.redgrid.app.StreamConsumers::handleRequest}, JVM
 * runtime), in the same function.zip as the HTTP functions. quarkus-amazon-lambda-http refuses, at build time, any
 * {@code RequestHandler} besides its own ("Multiple handler classes"), so {@code quarkus.lambda.handler} cannot
 * select a stream handler in this application; this class implements no Lambda interface (the Java runtime calls
 * it by its method signature), boots the same Quarkus application as the HTTP functions do, and hands each batch to
 * the {@code @Named} {@link EventConsumer} that {@code QUARKUS_LAMBDA_HANDLER} names.
 */
public class StreamConsumers {

    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        // Loading Quarkus' own handler class starts the application (its static initializer does).
        new QuarkusStreamHandler();
    }

    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String name = ConfigProvider.getConfig().getValue("quarkus.lambda.handler", String.class);
        output.write(JSON.writeValueAsBytes(StreamDispatch.handle(name, JSON.readTree(input))));
    }
}
