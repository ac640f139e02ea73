package com.giftcardimport.importing.read;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@link ReadLimits} of this installation, from {@code app.import.*}. */
@Configuration(proxyBeanMethods = false)
class ReadConfiguration {

    @Bean
    ReadLimits readLimits(@Value("${app.import.max-field-chars:" + ReadLimits.DEFAULT_MAX_FIELD_CHARS + "}") int maxFieldChars,
                          @Value("${app.import.max-record-chars:" + ReadLimits.DEFAULT_MAX_RECORD_CHARS + "}") int maxRecordChars,
                          @Value("${app.import.max-columns:" + ReadLimits.DEFAULT_MAX_COLUMNS + "}") int maxColumns) {
        return new ReadLimits(maxFieldChars, maxRecordChars, maxColumns);
    }
}
