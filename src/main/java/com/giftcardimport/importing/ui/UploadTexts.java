package com.giftcardimport.importing.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.upload.UploadI18N;
import java.util.List;

/** The Upload component's own texts (buttons, drop label, errors, upload states) in the user's language. */
final class UploadTexts {

    private UploadTexts() {
    }

    static UploadI18N of(Component in) {
        return new UploadI18N()
                .setDropFiles(new UploadI18N.DropFiles().setOne(in.getTranslation("wizard.upload.drop-one"))
                        .setMany(in.getTranslation("wizard.upload.drop-one")))
                .setAddFiles(new UploadI18N.AddFiles().setOne(in.getTranslation("wizard.upload.add-one"))
                        .setMany(in.getTranslation("wizard.upload.add-one")))
                .setError(new UploadI18N.Error()
                        .setTooManyFiles(in.getTranslation("wizard.upload.error.too-many-files"))
                        .setFileIsTooBig(in.getTranslation("wizard.upload.error.too-big"))
                        .setIncorrectFileType(in.getTranslation("wizard.upload.error.file-type")))
                .setUploading(new UploadI18N.Uploading()
                        .setStatus(new UploadI18N.Uploading.Status()
                                .setConnecting(in.getTranslation("wizard.upload.status.connecting"))
                                .setStalled(in.getTranslation("wizard.upload.status.stalled"))
                                .setProcessing(in.getTranslation("wizard.upload.status.processing"))
                                .setHeld(in.getTranslation("wizard.upload.status.held")))
                        .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                                .setPrefix(in.getTranslation("wizard.upload.remaining.prefix"))
                                .setUnknown(in.getTranslation("wizard.upload.remaining.unknown")))
                        .setError(new UploadI18N.Uploading.Error()
                                .setServerUnavailable(in.getTranslation("wizard.upload.error.server-unavailable"))
                                .setUnexpectedServerError(in.getTranslation("wizard.upload.error.server"))
                                .setForbidden(in.getTranslation("wizard.upload.error.forbidden"))
                                .setFileTooLarge(in.getTranslation("wizard.upload.error.too-big"))))
                .setFile(new UploadI18N.File().setStart(in.getTranslation("wizard.upload.file.start"))
                        .setRetry(in.getTranslation("wizard.upload.file.retry"))
                        .setRemove(in.getTranslation("wizard.upload.file.remove")))
                .setUnits(List.of(in.getTranslation("wizard.upload.units").split(",")));
    }
}
