package org.redgrid.infra.dynamodb.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.api.ThrowingConsumer;

import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/** Assertions on the error a DynamoDB service answered with, by its wire code (what every SDK sees alike). */
final class AwsErrors {

    private AwsErrors() {
    }

    /** The failure is a service error with this code, e.g. {@code ValidationException}. */
    static ThrowingConsumer<Throwable> errorCode(String code) {
        return failure -> assertThat(failure).isInstanceOf(DynamoDbException.class)
                .extracting(e -> ((DynamoDbException) e).awsErrorDetails().errorCode()).isEqualTo(code);
    }
}
