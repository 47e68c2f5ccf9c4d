package org.redgrid.infra.dynamodb.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where the suite looks for DynamoDB Streams when given only the DynamoDB endpoint. */
class TargetTest {

    @ParameterizedTest
    @CsvSource({
            "https://dynamodb.cn-north-1.amazonaws.com.cn, https://streams.dynamodb.cn-north-1.amazonaws.com.cn",
            "https://dynamodb.us-east-1.amazonaws.com, https://streams.dynamodb.us-east-1.amazonaws.com",
            "http://localhost:4566, http://localhost:4566",
            "http://127.0.0.1:8000, http://127.0.0.1:8000"
    })
    void awsServesStreamsOnItsOwnHostOthersOnTheSamePort(String endpoint, String streams) {
        assertThat(Target.streamsEndpointOf(URI.create(endpoint))).isEqualTo(URI.create(streams));
    }
}
