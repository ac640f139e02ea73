package com.giftcardimport.importing.file;

import java.net.URI;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Which {@link FileStorage} keeps the uploads ({@code app.storage.type}): {@code local} (the default, a directory,
 * {@code app.storage.local.directory}, by default {@code ${app.data-dir}/uploads}) or {@code s3} (a bucket of
 * S3-compatible object storage, {@code app.storage.s3.*}; see docs/deployment.md).
 */
@Configuration(proxyBeanMethods = false)
class FileStorageConfiguration {

    @Bean
    @ConditionalOnProperty(name = "app.storage.type", havingValue = "local", matchIfMissing = true)
    FileStorage localFileStorage(@Value("${app.storage.local.directory:${app.data-dir}/uploads}") Path directory) {
        return new LocalFileStorage(directory);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "app.storage.type", havingValue = "s3")
    S3Client s3Client(@Value("${app.storage.s3.endpoint:}") String endpoint,
                      @Value("${app.storage.s3.region:us-east-1}") String region,
                      @Value("${app.storage.s3.path-style:true}") boolean pathStyle,
                      @Value("${app.storage.s3.access-key:}") String accessKey,
                      @Value("${app.storage.s3.secret-key:}") String secretKey) {
        S3ClientBuilder builder = S3Client.builder().region(Region.of(region))
                .forcePathStyle(pathStyle)
                // checksums only where S3 requires them: S3-compatible servers do not all take the newer ones
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(accessKey.isBlank() ? DefaultCredentialsProvider.builder().build()
                        : StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)));
        if (!endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder.build();
    }

    @Bean
    @ConditionalOnProperty(name = "app.storage.type", havingValue = "s3")
    FileStorage s3FileStorage(S3Client s3, @Value("${app.storage.s3.bucket}") String bucket,
                              @Value("${app.storage.s3.prefix:uploads/}") String prefix,
                              @Value("${app.storage.s3.part-size:8MB}") DataSize partSize) {
        return new S3FileStorage(s3, bucket, prefix, Math.toIntExact(partSize.toBytes()));
    }
}
