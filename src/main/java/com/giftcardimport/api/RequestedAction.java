package com.giftcardimport.api;

import com.giftcardimport.importing.ImportAction;
import com.giftcardimport.importing.ImportRefusedException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The {@code action} part of a create: the code of a catalogue action, {@code ADD_GIFT_CARDS} when absent. */
final class RequestedAction {

    private RequestedAction() {
    }

    static ImportAction parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return ImportAction.ADD_GIFT_CARDS;
        }
        String code = raw.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(ImportAction.values()).filter(a -> a.name().equals(code)).findFirst()
                .orElseThrow(() -> new ImportRefusedException(List.of("Unknown action \"" + raw.strip()
                        + "\": use one of " + Arrays.toString(ImportAction.values()))));
    }
}
