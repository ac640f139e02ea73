package com.giftcardimport.importing.file;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import org.springframework.modulith.NamedInterface;

/**
 * An upload just stored, with its head ({@link FileStore#HEAD_BYTES}) kept from the stream it came in: reading it as a
 * {@link FileSource} serves the head from memory and opens the storage only for what lies past it, so the detection
 * that follows an upload reads nothing twice.
 */
@NamedInterface("uploads")
public final class ReceivedFile implements FileSource {

    private final StoredFile file;
    private final byte[] head;
    private final FileSource stored;

    ReceivedFile(StoredFile file, byte[] head, FileSource stored) {
        this.file = file;
        this.head = head;
        this.stored = stored;
    }

    /** The stored file. */
    public StoredFile file() {
        return file;
    }

    @Override
    public long size() {
        return file.size();
    }

    @Override
    public InputStream open() {
        InputStream fromMemory = new ByteArrayInputStream(head);
        if (head.length >= file.size()) {
            return fromMemory;
        }
        return new SequenceInputStream(fromMemory, new Tail());
    }

    /** The bytes past the head, from the storage, opened at the first read. */
    private final class Tail extends InputStream {
        private InputStream in;

        @Override
        public int read() throws IOException {
            return opened().read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return opened().read(buffer, offset, length);
        }

        private InputStream opened() throws IOException {
            if (in == null) {
                in = stored.open();
                in.skipNBytes(head.length);
            }
            return in;
        }

        @Override
        public void close() throws IOException {
            if (in != null) {
                in.close();
            }
        }
    }
}
