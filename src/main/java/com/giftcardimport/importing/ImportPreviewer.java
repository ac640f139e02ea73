package com.giftcardimport.importing;

import com.giftcardimport.importing.file.FileSource;
import com.giftcardimport.card.CvvMask;
import com.giftcardimport.card.GiftCardService;
import com.giftcardimport.importing.job.DuplicateCheck;
import com.giftcardimport.importing.job.LoadErrorCodes;
import com.giftcardimport.importing.job.RowPipeline;
import com.giftcardimport.importing.read.ReadLimits;
import com.giftcardimport.importing.validate.RowRules;
import com.giftcardimport.importing.validate.ValidCard;
import com.giftcardimport.importing.validate.ValidStatusChange;
import com.giftcardimport.pool.PoolDirectory;
import com.giftcardimport.project.ProjectId;
import java.io.IOException;
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
 * The review step's preview: the first rows read and validated by the job's own {@link RowPipeline} (the same
 * reader and {@link RowRules}, row by row), their card numbers checked with the job's {@link DuplicateCheck} against
 * the preview's earlier rows and the stored cards, without loading anything. Access is checked by the caller.
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
        int wanted = Math.clamp(rows, 0, MAX_ROWS);
        List<String> header;
        List<String> problems;
        List<SourceRow> sample = new ArrayList<>();
        Verdicts verdicts = new Verdicts();
        try (RowPipeline reader = RowPipeline.open(source, format, limits)) {
            header = reader.header();
            problems = mapping.problemsWith(header, action);
            RowRules rules = problems.isEmpty() ? rules(project, header, mapping, action) : null;
            long chars = 0;
            while (sample.size() < wanted && chars < MAX_CHARS && reader.hasNext()) {
                SourceRow row = rules == null ? reader.next() : reader.next(rules, verdicts);
                sample.add(row);
                for (String cell : row.cells()) {
                    chars += cell.length();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The file could not be read", e);
        }
        List<List<RowError>> errors = problems.isEmpty() ? verdicts.errors(header, mapping, action)
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

    /**
     * Every row's errors, in order, as the job finds them: the rules' ({@link RowPipeline#validate}), then a card
     * number an earlier row has, then one the project has stored already or, for a status update, does not have.
     */
    List<List<RowError>> validate(ProjectId project, List<String> header, ColumnMapping mapping,
                                  List<SourceRow> rows, ImportAction action) {
        RowRules rules = rules(project, header, mapping, action);
        Verdicts verdicts = new Verdicts();
        rows.forEach(row -> RowPipeline.validate(rules, row, verdicts));
        return verdicts.errors(header, mapping, action);
    }

    private RowRules rules(ProjectId project, List<String> header, ColumnMapping mapping, ImportAction action) {
        return RowRules.of(action, mapping, header, action.createsCards() ? pools.bySystemName(project) : Map.of(),
                clock);
    }

    /**
     * What the pipeline made of each row, in order: its errors, or the card number of a row that passed the rules;
     * once every row is in, the numbers are checked against each other and, in one question to {@code card}'s
     * {@link GiftCardService#takenNumbers}, against the stored cards.
     */
    private final class Verdicts implements RowPipeline.Target {

        private final List<Long> rowNumbers = new ArrayList<>();
        private final List<String> cardNumbers = new ArrayList<>();
        private final List<List<RowError>> ruleErrors = new ArrayList<>();

        @Override
        public void card(SourceRow row, ValidCard card) {
            add(row, card.cardNumber(), List.of());
        }

        @Override
        public void statusChange(SourceRow row, ValidStatusChange change) {
            add(row, change.cardNumber(), List.of());
        }

        @Override
        public void failed(SourceRow row, List<RowError> errors) {
            add(row, null, errors);
        }

        private void add(SourceRow row, String cardNumber, List<RowError> errors) {
            rowNumbers.add(row.rowNumber());
            cardNumbers.add(cardNumber);
            ruleErrors.add(errors);
        }

        List<List<RowError>> errors(List<String> header, ColumnMapping mapping, ImportAction action) {
            Set<String> stored = cards.takenNumbers(cardNumbers.stream().filter(Objects::nonNull).toList());
            int column = mapping.columnOf(GiftCardField.CARD_NUMBER);
            String columnName = column >= 0 && column < header.size() ? header.get(column)
                    : GiftCardField.CARD_NUMBER.label();
            DuplicateCheck duplicates = new DuplicateCheck(columnName, cardNumbers.size(),
                    action.createsCards() ? stored::contains : number -> false);
            List<List<RowError>> errors = new ArrayList<>();
            for (int i = 0; i < rowNumbers.size(); i++) {
                String number = cardNumbers.get(i);
                RowError error = number == null ? null : duplicates.check(rowNumbers.get(i), number);
                if (error == null && number != null && !action.createsCards() && !stored.contains(number)) {
                    error = LoadErrorCodes.unknownCard(rowNumbers.get(i), columnName, number);
                }
                errors.add(error == null ? ruleErrors.get(i) : List.of(error));
            }
            return errors;
        }
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
