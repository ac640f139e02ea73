package com.giftcardimport.importing.file;

import org.springframework.modulith.NamedInterface;
import org.springframework.util.unit.DataSize;

/** An upload went over the configured size limit ({@code app.upload.max-size}); nothing was kept. */
@NamedInterface("upload-errors")
public class FileTooLargeException extends RuntimeException {

    private final long maxBytes;

    public FileTooLargeException(long maxBytes) {
        super("The file is larger than the limit of " + human(maxBytes) + ": split it into smaller files");
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    static String human(long bytes) {
        DataSize size = DataSize.ofBytes(bytes);
        if (bytes >= DataSize.ofGigabytes(1).toBytes() && bytes % DataSize.ofGigabytes(1).toBytes() == 0) {
            return size.toGigabytes() + " GB";
        }
        if (bytes >= DataSize.ofMegabytes(1).toBytes() && bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
            return size.toMegabytes() + " MB";
        }
        if (bytes >= DataSize.ofKilobytes(1).toBytes() && bytes % DataSize.ofKilobytes(1).toBytes() == 0) {
            return size.toKilobytes() + " KB";
        }
        return bytes + " bytes";
    }
}
