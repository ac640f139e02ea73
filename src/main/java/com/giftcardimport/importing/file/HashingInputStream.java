package com.giftcardimport.importing.file;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/** Passes a stream on while taking its SHA-256 and keeping a copy of its first {@code headBytes}. Not closed. */
final class HashingInputStream extends FilterInputStream {

    private final MessageDigest digest;
    private final byte[] head;
    private int headLength;

    HashingInputStream(InputStream in, int headBytes) {
        super(in);
        this.head = new byte[headBytes];
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            seen(new byte[] {(byte) b}, 0, 1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            seen(buffer, offset, n);
        }
        return n;
    }

    @Override
    public long skip(long n) {
        throw new UnsupportedOperationException("Every byte is hashed");
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public void close() {
        // the caller owns the stream
    }

    private void seen(byte[] buffer, int offset, int n) {
        digest.update(buffer, offset, n);
        int copy = Math.min(n, head.length - headLength);
        if (copy > 0) {
            System.arraycopy(buffer, offset, head, headLength, copy);
            headLength += copy;
        }
    }

    /** The hash of every byte read, in lower-case hex; once, at the end. */
    String sha256() {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The first bytes read, at most {@code headBytes}. */
    byte[] head() {
        return headLength == head.length ? head : Arrays.copyOf(head, headLength);
    }
}
