package com.giftcardimport.importing.file;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Objects in an S3-compatible bucket: {@code <prefix><key>}. A write streams the content in parts of
 * {@code partSize} bytes (one buffer at a time, so memory stays bounded whatever the file): a file that fits in one
 * part is one PUT, a larger one a multipart upload, aborted when anything fails, so a failed write leaves no
 * object (and no part is kept by a well-configured bucket: see docs/deployment.md). Reads stream the object.
 */
public class S3FileStorage implements FileStorage {

    /** S3's smallest part but the last. */
    public static final int MIN_PART_SIZE = 5 << 20;

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final int partSize;

    public S3FileStorage(S3Client s3, String bucket, String prefix, int partSize) {
        if (partSize < MIN_PART_SIZE) {
            throw new IllegalArgumentException("An S3 part is at least " + MIN_PART_SIZE + " bytes");
        }
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix == null ? "" : prefix;
        this.partSize = partSize;
    }

    @Override
    public long write(String key, InputStream content) throws IOException {
        byte[] buffer = new byte[partSize];
        int length = content.readNBytes(buffer, 0, partSize);
        if (length < partSize) {
            try {
                s3.putObject(b -> b.bucket(bucket).key(prefix + key), body(buffer, length));
            } catch (SdkException e) {
                throw new IOException("Could not store " + key + ": " + e.getMessage(), e);
            }
            return length;
        }
        String uploadId;
        try {
            uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(prefix + key)).uploadId();
        } catch (SdkException e) {
            throw new IOException("Could not store " + key + ": " + e.getMessage(), e);
        }
        try {
            List<CompletedPart> parts = new ArrayList<>();
            long size = 0;
            while (length > 0) {
                int number = parts.size() + 1;
                String etag = s3.uploadPart(b -> b.bucket(bucket).key(prefix + key).uploadId(uploadId)
                        .partNumber(number), body(buffer, length)).eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
                size += length;
                length = content.readNBytes(buffer, 0, partSize);
            }
            s3.completeMultipartUpload(b -> b.bucket(bucket).key(prefix + key).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));
            return size;
        } catch (IOException | RuntimeException e) {
            try {
                s3.abortMultipartUpload(b -> b.bucket(bucket).key(prefix + key).uploadId(uploadId));
            } catch (SdkException abortFailed) {
                e.addSuppressed(abortFailed);
            }
            if (e instanceof SdkException) {
                throw new IOException("Could not store " + key + ": " + e.getMessage(), e);
            }
            throw e;
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        try {
            return s3.getObject(b -> b.bucket(bucket).key(prefix + key));
        } catch (NoSuchKeyException e) {
            throw new NoSuchFileException(key);
        } catch (SdkException e) {
            throw new IOException("Could not read " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public OptionalLong size(String key) throws IOException {
        try {
            return OptionalLong.of(s3.headObject(b -> b.bucket(bucket).key(prefix + key)).contentLength());
        } catch (NoSuchKeyException e) {
            return OptionalLong.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return OptionalLong.empty();
            }
            throw new IOException("Could not read " + key + ": " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new IOException("Could not read " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean delete(String key) throws IOException {
        if (size(key).isEmpty()) {
            return false;
        }
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(prefix + key));
            return true;
        } catch (SdkException e) {
            throw new IOException("Could not delete " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> listOlderThan(Instant cutoff) throws IOException {
        try {
            List<String> keys = new ArrayList<>();
            for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()) {
                if (object.lastModified().isBefore(cutoff)) {
                    keys.add(object.key().substring(prefix.length()));
                }
            }
            return keys;
        } catch (SdkException e) {
            throw new IOException("Could not list the bucket " + bucket + ": " + e.getMessage(), e);
        }
    }

    @Override
    public int abortIncompleteWritesBefore(Instant cutoff) throws IOException {
        try {
            int aborted = 0;
            for (MultipartUpload upload : s3.listMultipartUploadsPaginator(b -> b.bucket(bucket).prefix(prefix))
                    .uploads()) {
                if (upload.initiated().isBefore(cutoff)) {
                    s3.abortMultipartUpload(b -> b.bucket(bucket).key(upload.key()).uploadId(upload.uploadId()));
                    aborted++;
                }
            }
            return aborted;
        } catch (SdkException e) {
            throw new IOException("Could not list the incomplete uploads of the bucket " + bucket + ": "
                    + e.getMessage(), e);
        }
    }

    /** The first {@code length} bytes of the buffer, sent without another copy. */
    private static RequestBody body(byte[] buffer, int length) {
        return RequestBody.fromInputStream(new ByteArrayInputStream(buffer, 0, length), length);
    }
}
