package com.giftcardimport.importing.job;

import com.giftcardimport.i18n.Text;

/** What a job's producer hands its loader, in file order: chunks, then the end of the file or a failure. */
sealed interface Handover {

    /** A chunk of rows to load. */
    record Rows(Chunk chunk) implements Handover {
    }

    /** The file was read to its end: {@code rowsRead} rows after the resume point. */
    record End(long rowsRead) implements Handover {
    }

    /** The file cannot be read on, and why (said in the reader's language). */
    record Failure(Text message) implements Handover {
    }
}
