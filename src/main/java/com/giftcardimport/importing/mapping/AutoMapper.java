package com.giftcardimport.importing.mapping;

import com.giftcardimport.importing.ColumnMapping;
import com.giftcardimport.importing.GiftCardField;
import com.giftcardimport.importing.SourceRow;
import com.giftcardimport.importing.validate.CardStatus;
import com.giftcardimport.importing.validate.InvalidValueException;
import com.giftcardimport.importing.validate.PurchaseDate;
import com.giftcardimport.project.ProjectId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Suggests which field each file column fills. In order of trust:
 * <ol>
 *   <li>the mapping this project used last time for exactly these headers ({@link MappingHistory}): taken whole;</li>
 *   <li>the field's own name (confidence {@value #EXACT});</li>
 *   <li>a known English or Russian name for the field, such as {@code Card No}, {@code card_number},
 *       {@code Номер карты}, {@code Баланс}, {@code Пул} (up to {@value #SYNONYM}, a little less for short,
 *       generic names such as {@code Номер} or {@code Date});</li>
 *   <li>a name that contains a known name ({@code Номер карты клиента}) ({@value #CONTAINS});</li>
 *   <li>a name similar to a known one after normalisation (Jaro-Winkler ≥ {@value #FUZZY_THRESHOLD}), confidence
 *       {@value #FUZZY_WEIGHT} × similarity;</li>
 *   <li>for status and purchase date only, sample values that all read as statuses or dates ({@value #VALUES}).</li>
 * </ol>
 * Names are compared after {@link HeaderNormalizer} (units in brackets or after a comma, the number sign {@code №},
 * transliteration, accents, case, punctuation and spaces).
 * Each field goes to at most one column, the most confident one; columns left over are not imported.
 */
@Component
public class AutoMapper {

    static final double HISTORY = 1.0;
    static final double EXACT = 1.0;
    static final double SYNONYM = 0.95;
    static final double CONTAINS = 0.8;
    static final double FUZZY_THRESHOLD = 0.9;
    static final double FUZZY_WEIGHT = 0.9;
    static final double VALUES = 0.5;
    private static final int MIN_CONTAINED_LENGTH = 5;

    private static final Map<GiftCardField, List<String>> SYNONYMS = new EnumMap<>(GiftCardField.class);
    /** normalised name → field and the name as written, for messages. */
    private static final Map<String, Known> KNOWN = new LinkedHashMap<>();
    private static final Clock FAR_FUTURE = Clock.fixed(Instant.parse("9999-12-31T00:00:00Z"), ZoneOffset.UTC);

    static {
        synonyms(GiftCardField.CARD_NUMBER, "Card number", "Card No", "Card No.", "Card #", "Card num", "Card ID",
                "card_number", "cardnumber", "Number", "Gift card number", "Gift card", "Certificate number",
                "Certificate", "Card code", "Номер карты", "Номер", "Номер карточки", "Номер подарочной карты",
                "Номер сертификата", "Сертификат", "Карта", "Номер ПК", "Код карты", "Код сертификата",
                "Код подарочной карты", "Код ПК", "Ном. карты", "Ном карты", "Card Nr", "Card Nbr", "Barcode",
                "Штрихкод", "Штрих-код", "Серийный номер");
        synonyms(GiftCardField.POOL, "Pool system name", "Pool", "Pool name", "Pool code", "Pool ID", "System name",
                "pool_system_name", "Card pool", "Пул", "Системное имя пула", "Имя пула", "Название пула", "Код пула",
                "Пул карт", "Системное имя", "Сист. имя пула", "Сист. имя");
        synonyms(GiftCardField.CVV, "Gift card CVV", "CVV", "CVC", "CVV2", "CVC2", "CVV code", "Security code", "PIN",
                "PIN code", "Код", "CVV код", "Код CVV", "Код безопасности", "ПИН", "ПИН-код", "Пин код", "CVV/CVC",
                "Код CVV2", "Защитный код", "Секретный код");
        synonyms(GiftCardField.BALANCE, "Card balance", "Balance", "Amount", "Value", "Sum", "Nominal", "Face value",
                "Denomination", "card_balance", "Bal", "Bal.", "Amt", "Amt.", "Баланс", "Баланс карты", "Сумма", "Номинал",
                "Номинал карты", "Сумма на карте", "Остаток", "Стоимость");
        synonyms(GiftCardField.POINT_OF_CONTACT, "Point of contact external ID", "Point of contact", "POC",
                "Point of contact ID", "Point of sale", "POS", "Store", "Store ID", "Shop", "Outlet", "External ID",
                "point_of_contact", "Точка контакта", "Внешний ID точки", "Внешний ID точки контакта",
                "Внешний идентификатор точки контакта", "Точка продаж", "Точка продажи", "Торговая точка", "Магазин",
                "ТТ", "Код ТТ", "ID ТТ", "Код точки", "POS ID");
        synonyms(GiftCardField.PURCHASE_DATE, "Card purchase date (UTC)", "Card purchase date", "Purchase date",
                "Purchased at", "Date of purchase", "Sale date", "Sold at", "Issue date", "Issued at", "Date",
                "purchase_date", "Purch. date", "Sold on", "Дата покупки", "Дата покупки (UTC)", "Дата пок.", "Дата покуп.",
                "Дата продажи", "Дата выдачи", "Дата активации", "Дата");
        synonyms(GiftCardField.STATUS, "Gift card status", "Status", "Card status", "State", "card_status", "Статус",
                "Статус карты", "Статус ПК", "Card state", "Состояние");
    }

    private record Known(GiftCardField field, String name, boolean label) {
    }

    private record Candidate(int column, GiftCardField field, double confidence, MappingReason reason) {
    }

    private final MappingHistory history;

    @Autowired
    public AutoMapper(ObjectProvider<MappingHistory> history) {
        this(history.getIfAvailable());
    }

    /** @param history may be null: no history */
    public AutoMapper(MappingHistory history) {
        this.history = history;
    }

    /** Without history. */
    public AutoMapper() {
        this((MappingHistory) null);
    }

    private static void synonyms(GiftCardField field, String... names) {
        List<String> list = new ArrayList<>();
        list.add(field.label());
        list.addAll(List.of(names));
        SYNONYMS.put(field, List.copyOf(list));
        for (String name : list) {
            String key = HeaderNormalizer.normalize(name);
            Known previous = KNOWN.putIfAbsent(key, new Known(field, name, name.equals(field.label())));
            if (previous != null && previous.field() != field) {
                throw new IllegalStateException("The name " + name + " is known for two fields");
            }
        }
    }

    /** Suggests a mapping for {@code headers}, using the project's history when there is one. */
    public MappingSuggestion suggest(ProjectId projectId, List<String> headers, List<SourceRow> sampleRows) {
        if (history != null && projectId != null) {
            Optional<ColumnMapping> last = history.lastMappingFor(projectId, headers);
            if (last.isPresent() && last.get().columnCount() == headers.size()) {
                ColumnMapping mapping = last.get();
                List<ColumnSuggestion> columns = new ArrayList<>(headers.size());
                for (int i = 0; i < headers.size(); i++) {
                    Optional<GiftCardField> field = mapping.field(i);
                    columns.add(new ColumnSuggestion(i, headers.get(i), field, HISTORY, MappingReason.of(
                            field.isPresent() ? MappingReason.Kind.HISTORY : MappingReason.Kind.HISTORY_NOT_IMPORTED)));
                }
                return new MappingSuggestion(mapping, columns);
            }
        }
        return byNames(headers, sampleRows == null ? List.of() : sampleRows);
    }

    /**
     * The columns that look like a CVV, mapped or not (SPEC §10): a name known for the CVV, a name with "CVV" or
     * "CVC" in it, or the column auto-mapping suggests for the CVV from the names. Their cells are masked wherever a
     * failed row is kept, so a CVV left out of the mapping is not kept in clear either.
     */
    public static Set<Integer> cvvLikeColumns(List<String> headers) {
        Set<Integer> columns = new TreeSet<>();
        for (int i = 0; i < headers.size(); i++) {
            Known known = KNOWN.get(HeaderNormalizer.normalize(headers.get(i)));
            String plain = HeaderNormalizer.plain(headers.get(i));
            boolean named = plain.contains("cvv") || plain.contains("cvc");
            if (named || (known != null && known.field() == GiftCardField.CVV)) {
                columns.add(i);
            }
        }
        int suggested = new AutoMapper().suggest(headers).mapping().columnOf(GiftCardField.CVV);
        if (suggested >= 0) {
            columns.add(suggested);
        }
        return columns;
    }

    /** Suggests a mapping from the headers alone (no history, no sample values). */
    public MappingSuggestion suggest(List<String> headers) {
        return byNames(headers, List.of());
    }

    private MappingSuggestion byNames(List<String> headers, List<SourceRow> sampleRows) {
        List<Candidate> candidates = new ArrayList<>();
        for (int column = 0; column < headers.size(); column++) {
            candidates.addAll(candidates(column, headers.get(column), sampleRows));
        }
        candidates.sort(Comparator.comparingDouble(Candidate::confidence).reversed()
                .thenComparingInt(Candidate::column));
        Candidate[] chosen = new Candidate[headers.size()];
        Set<GiftCardField> taken = EnumSet.noneOf(GiftCardField.class);
        for (Candidate candidate : candidates) {
            if (chosen[candidate.column()] == null && !taken.contains(candidate.field())) {
                chosen[candidate.column()] = candidate;
                taken.add(candidate.field());
            }
        }
        List<Optional<GiftCardField>> fields = new ArrayList<>(headers.size());
        List<ColumnSuggestion> columns = new ArrayList<>(headers.size());
        for (int column = 0; column < headers.size(); column++) {
            Candidate candidate = chosen[column];
            if (candidate == null) {
                fields.add(Optional.empty());
                columns.add(new ColumnSuggestion(column, headers.get(column), Optional.empty(), 0.0,
                        MappingReason.of(MappingReason.Kind.NO_MATCH)));
            } else {
                fields.add(Optional.of(candidate.field()));
                columns.add(new ColumnSuggestion(column, headers.get(column), Optional.of(candidate.field()),
                        candidate.confidence(), candidate.reason()));
            }
        }
        return new MappingSuggestion(new ColumnMapping(fields), columns);
    }

    /** Every field this column might fill, each with its best confidence. */
    private static List<Candidate> candidates(int column, String header, List<SourceRow> sampleRows) {
        Map<GiftCardField, Candidate> best = new EnumMap<>(GiftCardField.class);
        String key = HeaderNormalizer.normalize(header);
        if (!key.isEmpty()) {
            Known exact = KNOWN.get(key);
            if (exact != null) {
                offer(best, exact.label()
                        ? new Candidate(column, exact.field(), EXACT, MappingReason.of(MappingReason.Kind.SAME_NAME))
                        : new Candidate(column, exact.field(), synonymConfidence(key),
                                MappingReason.of(MappingReason.Kind.KNOWN_NAME)));
            }
            for (Map.Entry<String, Known> known : KNOWN.entrySet()) {
                String name = known.getKey();
                GiftCardField field = known.getValue().field();
                if (name.length() >= MIN_CONTAINED_LENGTH && key.length() > name.length() && key.contains(name)) {
                    // longer contained names are more telling
                    double confidence = CONTAINS + 0.1 * Math.min(1.0, (double) name.length() / key.length()) - 0.1;
                    offer(best, new Candidate(column, field, confidence,
                            new MappingReason(MappingReason.Kind.CONTAINS, known.getValue().name())));
                }
                double similarity = HeaderNormalizer.jaroWinkler(key, name);
                if (similarity >= FUZZY_THRESHOLD && similarity < 1.0) {
                    offer(best, new Candidate(column, field, FUZZY_WEIGHT * similarity,
                            new MappingReason(MappingReason.Kind.SIMILAR, known.getValue().name())));
                }
            }
        }
        if (!sampleRows.isEmpty()) {
            if (allValues(sampleRows, column, AutoMapper::isStatus)) {
                offer(best, new Candidate(column, GiftCardField.STATUS, VALUES,
                        MappingReason.of(MappingReason.Kind.VALUES_STATUS)));
            }
            if (allValues(sampleRows, column, AutoMapper::isDate)) {
                offer(best, new Candidate(column, GiftCardField.PURCHASE_DATE, VALUES,
                        MappingReason.of(MappingReason.Kind.VALUES_DATE)));
            }
        }
        return List.copyOf(best.values());
    }

    /** Short names ({@code Номер}, {@code Date}) are less telling than long ones ({@code Номер карты}). */
    private static double synonymConfidence(String key) {
        return SYNONYM - 0.05 + 0.05 * Math.min(1.0, key.length() / 10.0);
    }

    private static void offer(Map<GiftCardField, Candidate> best, Candidate candidate) {
        best.merge(candidate.field(), candidate, (a, b) -> a.confidence() >= b.confidence() ? a : b);
    }

    private static boolean allValues(List<SourceRow> rows, int column, java.util.function.Predicate<String> test) {
        int seen = 0;
        for (SourceRow row : rows) {
            String value = row.cell(column).strip();
            if (value.isEmpty()) {
                continue;
            }
            if (!test.test(value)) {
                return false;
            }
            seen++;
        }
        return seen > 0;
    }

    private static boolean isStatus(String value) {
        try {
            CardStatus.parse(value);
            return true;
        } catch (InvalidValueException e) {
            return false;
        }
    }

    private static boolean isDate(String value) {
        try {
            PurchaseDate.parse(value, FAR_FUTURE);
            return true;
        } catch (InvalidValueException e) {
            return false;
        }
    }
}
