package com.giftcardimport.importing;

import com.giftcardimport.importing.file.FileSource;
import com.giftcardimport.card.CvvMask;
import com.giftcardimport.card.GiftCardService;
import com.giftcardimport.importing.job.DuplicateCheck;
import com.giftcardimport.importing.job.LoadErrorCodes;
import com.giftcardimport.importing.read.RowSource;
import com.giftcardimport.importing.read.ReadLimits;
import com.giftcardimport.importing.validate.InvalidRow;
import com.giftcardimport.importing.validate.RowOutcome;
import com.giftcardimport.importing.validate.RowRules;
import com.giftcardimport.importing.validate.ValidCard;
import com.giftcardimport.importing.validate.ValidStatusChange;
import com.giftcardimport.pool.PoolDirectory;
import com.giftcardimport.project.ProjectId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The review step's preview: the first rows read, validated and checked for duplicates by the same parts as the job
 * ({@link RowSource}, {@link RowRules}, {@link DuplicateCheck}), without loading anything. Access is checked
 * by the caller.
 */
@Component
class ImportPreviewer {

    /** The most rows a preview returns. */
    static final int MAX_ROWS = 200;
    /**
     * The preview stops after the row that brings it over this many characters, so that it reads only the head of
     * a file of huge rows (200 rows at the size limit would be 200 million characters).
     */
    static final int MAX_CHARS = 1 << 20;

    private final ReadLimits limits;
    private final PoolDirectory pools;
    private final GiftCardService cards;
    private final Clock clock;

    ImportPreviewer(ReadLimits limits, PoolDirectory pools, GiftCardService cards, ObjectProvider<Clock> clock) {
        this.limits = limits;
        this.pools = pools;
        this.cards = cards;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    ImportPreview preview(ProjectId project, FileSource source, FileFormat format, ColumnMapping mapping, int rows,
                          ImportAction action) {
        List<String> header = new ArrayList<>();
        List<SourceRow> sample = head(source, format, Math.clamp(rows, 0, MAX_ROWS), header);
        List<String> problems = mapping.problemsWith(header, action);
        List<List<RowError>> errors = problems.isEmpty()
                ? validate(project, header, mapping, sample, action)
                : sample.stream().map(row -> List.<RowError>of()).toList();
        Map<String, GiftCardField> fieldByColumnName = new HashMap<>();
        mapping.columnsByField().forEach((field, column) -> {
            if (column < header.size()) {
                fieldByColumnName.putIfAbsent(header.get(column), field);
            }
        });
        List<ImportPreview.Row> previewRows = new ArrayList<>();
        for (int i = 0; i < sample.size(); i++) {
            previewRows.add(row(sample.get(i), mapping, errors.get(i), fieldByColumnName));
        }
        return new ImportPreview(header, problems, previewRows);
    }

    /** Up to {@code wanted} data rows from the head of the file; fills {@code header}. */
    private List<SourceRow> head(FileSource source, FileFormat format, int wanted, List<String> header) {
        List<SourceRow> sample = new ArrayList<>();
        try (InputStream in = source.open(); RowSource reader = RowSource.open(in, format, limits)) {
            header.addAll(reader.header());
            long chars = 0;
            while (sample.size() < wanted && chars < MAX_CHARS && reader.hasNext()) {
                SourceRow row = reader.next();
                sample.add(row);
                for (String cell : row.cells()) {
                    chars += cell.length();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The file could not be read", e);
        }
        return sample;
    }

    /**
     * Every row's errors, in sample order: the validator's, then the duplicate rule's; for a status update, a card
     * number the project does not have.
     */
    List<List<RowError>> validate(ProjectId project, List<String> header, ColumnMapping mapping,
                                          List<SourceRow> sample, ImportAction action) {
        RowRules rules = RowRules.of(action, mapping, header,
                action.createsCards() ? pools.bySystemName(project) : Map.of(), clock);
        List<RowOutcome> outcomes = sample.stream().map(rules::validate).toList();
        Set<String> taken = cards.takenNumbers(outcomes.stream().map(ImportPreviewer::cardNumber)
                .filter(Objects::nonNull).toList());
        int column = mapping.columnOf(GiftCardField.CARD_NUMBER);
        String columnName = column >= 0 && column < header.size() ? header.get(column)
                : GiftCardField.CARD_NUMBER.label();
        DuplicateCheck duplicates = new DuplicateCheck(columnName, sample.size(),
                action.createsCards() ? taken::contains : number -> false);
        List<List<RowError>> errors = new ArrayList<>();
        for (RowOutcome outcome : outcomes) {
            List<RowError> rowErrors = new ArrayList<>();
            String number = cardNumber(outcome);
            if (outcome instanceof InvalidRow invalid) {
                rowErrors.addAll(invalid.errors());
            } else if (outcome instanceof ValidStatusChange && !taken.contains(number)) {
                rowErrors.add(LoadErrorCodes.unknownCard(outcome.rowNumber(), columnName, number));
            } else {
                RowError duplicate = duplicates.check(outcome.rowNumber(), number);
                if (duplicate != null) {
                    rowErrors.add(duplicate);
                }
            }
            errors.add(rowErrors);
        }
        return errors;
    }

    private static String cardNumber(RowOutcome outcome) {
        return switch (outcome) {
            case ValidCard card -> card.cardNumber();
            case ValidStatusChange change -> change.cardNumber();
            case InvalidRow invalid -> null;
        };
    }

    private static ImportPreview.Row row(SourceRow row, ColumnMapping mapping, List<RowError> errors,
                                         Map<String, GiftCardField> fieldByColumnName) {
        Map<GiftCardField, String> values = new EnumMap<>(GiftCardField.class);
        mapping.columnsByField().forEach((field, column) -> values.put(field,
                field == GiftCardField.CVV ? CvvMask.of(row.cell(column)) : row.cell(column)));
        Map<GiftCardField, List<String>> fieldErrors = new EnumMap<>(GiftCardField.class);
        List<String> rowErrors = new ArrayList<>();
        for (RowError error : errors) {
            GiftCardField field = error.column() == null ? null : fieldByColumnName.get(error.column());
            if (field != null) {
                fieldErrors.computeIfAbsent(field, f -> new ArrayList<>()).add(error.message());
            } else {
                rowErrors.add(error.message());
            }
        }
        return new ImportPreview.Row(row.rowNumber(), values, errors, fieldErrors, rowErrors);
    }
}
