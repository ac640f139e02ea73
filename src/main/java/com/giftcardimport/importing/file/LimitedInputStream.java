package com.giftcardimport.importing.file;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Passes a stream on until it brought more than {@code maxBytes}: then {@link FileTooLargeException}. */
final class LimitedInputStream extends FilterInputStream {

    private final long maxBytes;
    private long read;

    LimitedInputStream(InputStream in, long maxBytes) {
        super(in);
        this.maxBytes = maxBytes;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public void close() {
        // the caller owns the stream
    }

    private void count(int n) {
        read += n;
        if (read > maxBytes) {
            throw new FileTooLargeException(maxBytes);
        }
    }
}
