package org.redgrid.kernel.photo;

import java.net.URI;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The S3 clients (对象存储) every domain's private buckets are reached with. In AWS the function's role and region
 * apply; locally and in tests {@code redgrid.s3.endpoint} (REDGRID_S3_ENDPOINT) names an S3-compatible store, spoken
 * to path-style with its own key — the presigned URLs are signed for whichever endpoint this is. Opened on first use,
 * so a function that keeps no photos never builds them.
 */
@ApplicationScoped
public class ObjectStorage {

    @ConfigProperty(name = "redgrid.s3.region")
    String region;

    @ConfigProperty(name = "redgrid.s3.endpoint")
    Optional<URI> endpoint;

    @ConfigProperty(name = "redgrid.s3.access-key")
    Optional<String> accessKey;

    @ConfigProperty(name = "redgrid.s3.secret-key")
    Optional<String> secretKey;

    private S3Client client;
    private S3Presigner presigner;

    @PostConstruct
    void open() {
        AwsCredentialsProvider credentials = accessKey.isPresent() && secretKey.isPresent()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey.get(), secretKey.get()))
                : DefaultCredentialsProvider.builder().build();
        // Another endpoint (the local store) is spoken to path-style and with plain bodies: checksums only where S3
        // requires them, no aws-chunked encoding, which S3-compatible stores do not all decode.
        S3Configuration pathStyle = S3Configuration.builder().pathStyleAccessEnabled(endpoint.isPresent())
                .chunkedEncodingEnabled(endpoint.isEmpty()).build();
        var clientBuilder = S3Client.builder().region(Region.of(region)).credentialsProvider(credentials)
                .serviceConfiguration(pathStyle).httpClient(UrlConnectionHttpClient.create());
        if (endpoint.isPresent()) {
            clientBuilder.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        }
        var presignerBuilder = S3Presigner.builder().region(Region.of(region)).credentialsProvider(credentials)
                .serviceConfiguration(pathStyle);
        endpoint.ifPresent(e -> {
            clientBuilder.endpointOverride(e);
            presignerBuilder.endpointOverride(e);
        });
        client = clientBuilder.build();
        presigner = presignerBuilder.build();
    }

    @PreDestroy
    void close() {
        client.close();
        presigner.close();
    }

    public S3Client client() {
        return client;
    }

    public S3Presigner presigner() {
        return presigner;
    }
}
