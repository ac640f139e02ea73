package com.giftcardimport.importing;

import com.giftcardimport.importing.file.FileSource;
import com.giftcardimport.importing.file.FileStore;
import com.giftcardimport.importing.file.StoredFile;
import com.giftcardimport.importing.file.StoredFileNotFoundException;
import com.giftcardimport.importing.job.ErrorReportWriter;
import com.giftcardimport.importing.job.ImportJobRepository;
import com.giftcardimport.importing.job.ImportRunner;
import com.giftcardimport.importing.job.LoadErrorCodes;
import com.giftcardimport.importing.job.NewImportJob;
import com.giftcardimport.importing.job.PoolRulesQuery;
import com.giftcardimport.importing.mapping.AutoMapper;
import com.giftcardimport.importing.mapping.MappingSuggestion;
import com.giftcardimport.importing.read.CsvRowReader;
import com.giftcardimport.importing.read.ReadLimits;
import com.giftcardimport.importing.sniff.FileSniffer;
import com.giftcardimport.importing.sniff.SniffResult;
import com.giftcardimport.importing.validate.Cvv;
import com.giftcardimport.importing.validate.InvalidRow;
import com.giftcardimport.importing.validate.RowOutcome;
import com.giftcardimport.importing.validate.RowValidator;
import com.giftcardimport.importing.validate.ValidCard;
import com.giftcardimport.project.Membership;
import com.giftcardimport.project.ProjectId;
import com.giftcardimport.security.CurrentTenant;
import com.giftcardimport.security.Tenant;
import com.giftcardimport.security.UserId;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one application service of imports, for the wizard, the import pages and the HTTP API. Every method checks
 * the caller's role in the current project through {@link CurrentTenant}: uploading, launching and cancelling take
 * a project admin, reading takes a project admin or an account manager. A job or file of another project behaves
 * exactly like one that does not exist ({@link ImportNotFoundException}).
 *
 * <p>Each method runs in one transaction (read-only unless it writes) that the check of {@link CurrentTenant}
 * scopes to the current project, so row-level security backs every query; an upload runs outside any transaction
 * (it touches no table and may take long).
 */
@Service
@Transactional(readOnly = true)
public class ImportService {

    /** The most rows {@link #preview} returns. */
    public static final int MAX_PREVIEW_ROWS = 200;
    /**
     * The preview stops after the row that brings it over this many characters, so that it reads only the head of
     * a file of huge rows (200 rows at the size limit would be 200 million characters).
     */
    public static final int MAX_PREVIEW_CHARS = 1 << 20;
    public static final int MAX_IDEMPOTENCY_KEY_LENGTH = 200;

    private final CurrentTenant current;
    private final FileStore files;
    private final FileSniffer sniffer;
    private final AutoMapper autoMapper;
    private final ReadLimits limits;
    private final PoolRulesQuery pools;
    private final ImportJobRepository jobs;
    private final ImportRunner runner;
    private final ImportProgressBus bus;
    private final ErrorReportWriter reports;
    private final JdbcClient jdbc;
    private final Clock clock;

    ImportService(CurrentTenant current, FileStore files, FileSniffer sniffer, AutoMapper autoMapper,
                  ReadLimits limits, PoolRulesQuery pools, ImportJobRepository jobs, ImportRunner runner,
                  ImportProgressBus bus, ErrorReportWriter reports, JdbcClient jdbc, ObjectProvider<Clock> clock) {
        this.current = current;
        this.files = files;
        this.sniffer = sniffer;
        this.autoMapper = autoMapper;
        this.limits = limits;
        this.pools = pools;
        this.jobs = jobs;
        this.runner = runner;
        this.bus = bus;
        this.reports = reports;
        this.jdbc = jdbc;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    // ------------------------------------------------------------------ the wizard

    /** The catalogue of import actions (wizard step 1). */
    public List<ImportAction> actions() {
        current.requireMember();
        return List.of(ImportAction.values());
    }

    /**
     * Streams an upload into the current project's storage, enforcing the size limit.
     *
     * @throws com.giftcardimport.importing.file.FileTooLargeException over the limit; nothing is kept
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public StoredFile upload(InputStream content, String originalName) {
        Tenant tenant = current.requireAdmin();
        try {
            return files.store(tenant.projectId(), originalName, content);
        } catch (IOException e) {
            throw new UncheckedIOException("The upload could not be stored", e);
        }
    }

    /**
     * Reads the head of an uploaded file: encoding, delimiter, header, first rows, a row estimate and file-level
     * problems. An encoding or delimiter given overrides detection.
     */
    public SniffResult inspect(String fileId, Optional<Charset> encoding, Optional<Character> delimiter) {
        Tenant tenant = current.requireAdmin();
        FileSource source = file(tenant, fileId);
        try {
            if (encoding.isPresent() && delimiter.isPresent()) {
                return sniffer.sniff(source, new FileFormat(encoding.get(), delimiter.get()));
            }
            if (encoding.isPresent()) {
                return sniffer.sniff(source, encoding.get());
            }
            SniffResult detected = sniffer.sniff(source);
            if (delimiter.isPresent()) {
                return sniffer.sniff(source, new FileFormat(detected.encoding(), delimiter.get()));
            }
            return detected;
        } catch (IOException e) {
            throw new UncheckedIOException("The file could not be read", e);
        }
    }

    /** Suggests a mapping for the file read with {@code format}, using the project's earlier imports. */
    public MappingSuggestion suggestMapping(String fileId, FileFormat format) {
        Tenant tenant = current.requireAdmin();
        SniffResult sniff = sniff(file(tenant, fileId), format);
        return autoMapper.suggest(tenant.projectId(), sniff.headers(), sniff.sampleRows());
    }

    /**
     * The first {@code rows} data rows (at most {@link #MAX_PREVIEW_ROWS}, and fewer when they are huge: see
     * {@link #MAX_PREVIEW_CHARS}) with the mapping applied and every reason each would fail, checked against the
     * current project's pools and stored cards.
     */
    public ImportPreview preview(String fileId, FileFormat format, ColumnMapping mapping, int rows) {
        Tenant tenant = current.requireAdmin();
        FileSource source = file(tenant, fileId);
        int wanted = Math.max(0, Math.min(rows, MAX_PREVIEW_ROWS));
        List<String> header;
        List<SourceRow> sample = new ArrayList<>();
        try (InputStream in = source.open(); CsvRowReader reader = CsvRowReader.open(in, format, limits)) {
            header = reader.header();
            long chars = 0;
            while (sample.size() < wanted && chars < MAX_PREVIEW_CHARS && reader.hasNext()) {
                SourceRow row = reader.next();
                sample.add(row);
                for (String cell : row.cells()) {
                    chars += cell.length();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The file could not be read", e);
        }
        List<String> problems = mappingProblems(mapping, header);
        Map<GiftCardField, Integer> columns = mapping.columnsByField();
        Map<String, GiftCardField> fieldByColumnName = new HashMap<>();
        columns.forEach((field, column) -> {
            if (column < header.size()) {
                fieldByColumnName.putIfAbsent(header.get(column), field);
            }
        });
        List<List<RowError>> errors = new ArrayList<>();
        if (problems.isEmpty()) {
            RowValidator validator = new RowValidator(mapping, header, pools.poolsOf(tenant.projectId()), clock);
            List<ValidCard> valid = new ArrayList<>();
            for (SourceRow row : sample) {
                List<RowError> rowErrors = new ArrayList<>();
                RowOutcome outcome = validator.validate(row);
                if (outcome instanceof InvalidRow invalid) {
                    rowErrors.addAll(invalid.errors());
                } else if (outcome instanceof ValidCard card) {
                    valid.add(card);
                }
                errors.add(rowErrors);
            }
            addDuplicates(tenant.projectId(), header, mapping, sample, valid, errors);
        } else {
            sample.forEach(row -> errors.add(List.of()));
        }
        List<ImportPreview.Row> previewRows = new ArrayList<>();
        for (int i = 0; i < sample.size(); i++) {
            SourceRow row = sample.get(i);
            Map<GiftCardField, String> values = new EnumMap<>(GiftCardField.class);
            columns.forEach((field, column) -> values.put(field,
                    field == GiftCardField.CVV ? Cvv.mask(row.cell(column)) : row.cell(column)));
            Map<GiftCardField, List<String>> fieldErrors = new EnumMap<>(GiftCardField.class);
            List<String> rowErrors = new ArrayList<>();
            for (RowError error : errors.get(i)) {
                GiftCardField field = error.column() == null ? null : fieldByColumnName.get(error.column());
                if (field != null) {
                    fieldErrors.computeIfAbsent(field, f -> new ArrayList<>()).add(error.message());
                } else {
                    rowErrors.add(error.message());
                }
            }
            previewRows.add(new ImportPreview.Row(row.rowNumber(), values, errors.get(i), fieldErrors, rowErrors));
        }
        return new ImportPreview(header, problems, previewRows);
    }

    /** Deletes an upload the wizard no longer needs; a file that a job uses is kept. */
    public void discard(String fileId) {
        Tenant tenant = current.requireAdmin();
        if (fileId != null && !jobs.isFileReferenced(tenant.projectId(), fileId)) {
            files.delete(tenant.projectId(), fileId);
        }
    }

    /**
     * Creates the import job, QUEUED, and starts it when a slot is free. Idempotent: the same idempotency key with
     * the same request, or the same uploaded file launched again (a double click), returns the first job. The
     * launcher is the current user (or API token), recorded by the server.
     *
     * @throws IdempotencyConflictException the key (or the file) was already launched with a different request
     * @throws ImportRefusedException       the file has file-level problems or the mapping is incomplete; no job
     * @throws com.giftcardimport.importing.file.StoredFileNotFoundException no such upload in this project
     */
    @Transactional
    public ImportJobId launch(LaunchRequest request) {
        Tenant tenant = current.requireAdmin();
        ProjectId project = tenant.projectId();
        String key = idempotencyKey(request.idempotencyKey());
        String fileId = request.file().id();
        FileSource source = file(tenant, fileId);
        long size;
        try {
            size = source.size();
        } catch (IOException e) {
            throw new UncheckedIOException("The file could not be read", e);
        }
        String name = FileStore.sanitiseName(request.file().originalName());
        String fingerprint = fingerprint(request, name, size);
        Optional<ImportJobId> earlier = earlierLaunch(project, key, fileId, fingerprint);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        SniffResult sniff = sniff(source, request.format());
        if (!sniff.ok()) {
            throw new ImportRefusedException(sniff.problems());
        }
        List<String> problems = mappingProblems(request.mapping(), sniff.headers());
        if (!problems.isEmpty()) {
            throw new ImportRefusedException(problems);
        }
        NewImportJob job = new NewImportJob(project, request.action(), name, fileId, size, request.format(),
                sniff.headers(), request.mapping(), sniff.estimatedRows(), tenant.userId(), tenant.actorLabel(), key,
                fingerprint);
        Optional<ImportJobId> created = jobs.insert(job);
        if (created.isEmpty()) {
            // a concurrent launch with the same key or file won the race
            return earlierLaunch(project, key, fileId, fingerprint)
                    .orElseThrow(() -> new IllegalStateException("The import could not be created"));
        }
        runner.dispatch();
        return created.get();
    }

    // ------------------------------------------------------------------ tracking and results

    /** The current project's imports matching {@code filter}, newest first. */
    public List<ImportJobView> list(ImportFilter filter, int offset, int limit) {
        Tenant tenant = current.requireMember();
        return jobs.list(List.of(tenant.projectId()), filterOrAll(filter), offset, limit);
    }

    public long count(ImportFilter filter) {
        Tenant tenant = current.requireMember();
        return jobs.count(List.of(tenant.projectId()), filterOrAll(filter));
    }

    /** One import of the current project. */
    public ImportJobView get(ImportJobId id) {
        return find(id).orElseThrow(() -> new ImportNotFoundException("Import"));
    }

    public Optional<ImportJobView> find(ImportJobId id) {
        Tenant tenant = current.requireMember();
        return id == null ? Optional.empty() : jobs.find(tenant.projectId(), id);
    }

    /** The row errors of an import, by row number. */
    public List<RowError> errors(ImportJobId id, int offset, int limit) {
        ImportJobView job = get(id);
        return jobs.errors(job.projectId(), job.id(), offset, limit);
    }

    public long errorCount(ImportJobId id) {
        ImportJobView job = get(id);
        return jobs.errorCount(job.projectId(), job.id());
    }

    /**
     * Streams the error report (CSV, see {@link ErrorReportWriter}) to {@code out} without closing it. Project
     * admins only: SPEC §1 gives downloading error reports to them.
     */
    public void writeErrorReport(ImportJobId id, OutputStream out) {
        current.requireAdmin();
        reports.write(get(id), out);
    }

    /** A file name for the error report of an import, e.g. {@code cards-errors-42.csv}. */
    public String errorReportFileName(ImportJobId id) {
        ImportJobView job = get(id);
        String base = job.originalFileName().replaceFirst("\\.[^.]*$", "");
        return base.replaceAll("[^\\p{L}\\p{N}._-]+", "_") + "-errors-" + job.id() + ".csv";
    }

    /**
     * Cancels an import: a queued one at once, a running one after the chunk it is loading (cards committed so far
     * stay). Answers false when the import had already ended.
     */
    @Transactional
    public boolean cancel(ImportJobId id) {
        Tenant tenant = current.requireAdmin();
        ImportJobView job = get(id);
        if (job.status() == ImportStatus.QUEUED && jobs.cancelQueued(tenant.projectId(), id)) {
            runner.countRowsOfCancelled(tenant.projectId(), id);
            return true;
        }
        if (jobs.requestCancel(tenant.projectId(), id)) {
            runner.signalCancel(id);
            return true;
        }
        return false;
    }

    /**
     * The audit for account managers: imports of every project the logged-in person is a member of (or of
     * {@link ImportFilter#project()} among them), newest first, with the project's name.
     */
    public List<ImportJobView> audit(ImportFilter filter, int offset, int limit) {
        return jobs.list(auditProjects(filter), filterOrAll(filter), offset, limit);
    }

    public long auditCount(ImportFilter filter) {
        return jobs.count(auditProjects(filter), filterOrAll(filter));
    }

    /** Whether the current user may launch and cancel imports in the current project (a project admin). */
    public boolean mayLaunch() {
        return current.requireMember().isAdmin();
    }

    /** The people who launched imports of the current project, by name: the choices of the list's user filter. */
    public List<Launcher> launchers() {
        Tenant tenant = current.requireMember();
        return launchersOf(List.of(tenant.projectId()));
    }

    /** The people who launched imports of the projects the audit covers, by name. */
    public List<Launcher> auditLaunchers() {
        return launchersOf(auditProjects(ImportFilter.ALL));
    }

    /** The projects the audit covers, by name: the choices of the audit's project filter. */
    public List<Membership> auditableProjects() {
        current.requireUser();
        return current.memberships().stream()
                .sorted(Comparator.comparing(Membership::projectName))
                .toList();
    }

    private List<Launcher> launchersOf(List<ProjectId> projects) {
        if (projects.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select u.id, u.display_name from app_user u
                         where exists (select 1 from import_job j
                                        where j.launched_by_user_id = u.id and j.project_id = any (?))
                         order by u.display_name, u.id
                        """)
                .param(projects.stream().map(ProjectId::value).toArray(Long[]::new))
                .query((rs, n) -> new Launcher(new UserId(rs.getLong(1)),
                        rs.getString(2)))
                .list();
    }

    // ------------------------------------------------------------------ progress

    /** Progress of every import of the current project; remove the subscription when the view detaches. */
    public ImportProgressBus.Subscription subscribe(Consumer<ImportProgress> listener) {
        Tenant tenant = current.requireMember();
        return bus.subscribeProject(tenant.projectId(), listener);
    }

    /** Progress of one import of the current project. */
    public ImportProgressBus.Subscription subscribeJob(ImportJobId id, Consumer<ImportProgress> listener) {
        ImportJobView job = get(id);
        return bus.subscribeJob(job.id(), listener);
    }

    /** Progress of the imports of every project the logged-in person is a member of (the audit page). */
    public ImportProgressBus.Subscription subscribeAudit(Consumer<ImportProgress> listener) {
        List<ProjectId> projects = auditProjects(ImportFilter.ALL);
        List<ImportProgressBus.Subscription> subscriptions = projects.stream()
                .map(project -> bus.subscribeProject(project, listener)).toList();
        return () -> subscriptions.forEach(ImportProgressBus.Subscription::remove);
    }

    // ------------------------------------------------------------------ helpers

    private FileSource file(Tenant tenant, String fileId) {
        if (fileId == null) {
            throw new StoredFileNotFoundException();
        }
        return files.file(tenant.projectId(), fileId);
    }

    private SniffResult sniff(FileSource source, FileFormat format) {
        try {
            return sniffer.sniff(source, format);
        } catch (IOException e) {
            throw new UncheckedIOException("The file could not be read", e);
        }
    }

    private List<ProjectId> auditProjects(ImportFilter filter) {
        return current.requireMemberProjects(filter == null ? null : filter.project());
    }

    private static ImportFilter filterOrAll(ImportFilter filter) {
        return filter == null ? ImportFilter.ALL : filter;
    }

    private static List<String> mappingProblems(ColumnMapping mapping, List<String> header) {
        List<String> problems = new ArrayList<>(mapping.problems());
        if (mapping.columnCount() != header.size()) {
            problems.add("The mapping has " + mapping.columnCount() + " columns but the file has "
                    + header.size());
        }
        return problems;
    }

    private static String idempotencyKey(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String key = raw.strip();
        if (key.length() > MAX_IDEMPOTENCY_KEY_LENGTH) {
            throw new IllegalArgumentException("The idempotency key is longer than "
                    + MAX_IDEMPOTENCY_KEY_LENGTH + " characters");
        }
        return key;
    }

    /** The job an earlier launch made for the same key or the same file; a conflict when the request differs. */
    private Optional<ImportJobId> earlierLaunch(ProjectId project, String key, String fileId, String fingerprint) {
        if (key != null) {
            Optional<ImportJobRepository.Existing> byKey = jobs.findByIdempotencyKey(project, key);
            if (byKey.isPresent()) {
                ImportJobRepository.Existing existing = byKey.get();
                if (!existing.fingerprint().equals(fingerprint)) {
                    throw new IdempotencyConflictException(existing.id());
                }
                if (!existing.storedFileId().equals(fileId) && !jobs.isFileReferenced(project, fileId)) {
                    files.delete(project, fileId);   // a retry uploaded the same file again: keep no stray copy
                }
                return Optional.of(existing.id());
            }
        }
        Optional<ImportJobRepository.Existing> byFile = jobs.findByStoredFile(project, fileId);
        if (byFile.isPresent()) {
            if (!byFile.get().fingerprint().equals(fingerprint)) {
                throw new IdempotencyConflictException(byFile.get().id());
            }
            return Optional.of(byFile.get().id());
        }
        return Optional.empty();
    }

    private static String fingerprint(LaunchRequest request, String name, long size) {
        String text = String.join("\u0000", request.action().name(), name, Long.toString(size),
                request.format().encoding().name(), String.valueOf(request.format().delimiter()),
                request.mapping().fieldByColumn().stream().map(f -> f.map(Enum::name).orElse("-")).toList()
                        .toString());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Marks valid preview rows whose card number is taken: by a stored card, or by an earlier preview row. */
    private void addDuplicates(ProjectId project, List<String> header, ColumnMapping mapping, List<SourceRow> sample,
                               List<ValidCard> valid, List<List<RowError>> errors) {
        if (valid.isEmpty()) {
            return;
        }
        int column = mapping.columnOf(GiftCardField.CARD_NUMBER);
        String columnName = column >= 0 && column < header.size() ? header.get(column)
                : GiftCardField.CARD_NUMBER.label();
        Set<String> stored = new HashSet<>(jdbc.sql("""
                        select card_number from gift_card where project_id = ? and card_number = any (?)
                        """)
                .params(project.value(), valid.stream().map(ValidCard::cardNumber).distinct().toArray(String[]::new))
                .query(String.class).list());
        Map<Long, Integer> indexByRow = new HashMap<>();
        for (int i = 0; i < sample.size(); i++) {
            indexByRow.put(sample.get(i).rowNumber(), i);
        }
        Map<String, Long> firstRow = new LinkedHashMap<>();
        for (ValidCard card : valid) {
            List<RowError> rowErrors = errors.get(indexByRow.get(card.rowNumber()));
            Long first = firstRow.putIfAbsent(card.cardNumber(), card.rowNumber());
            if (first != null) {
                rowErrors.add(LoadErrorCodes.duplicateInFile(card.rowNumber(), columnName, card.cardNumber(), first));
            } else if (stored.contains(card.cardNumber())) {
                rowErrors.add(LoadErrorCodes.alreadyExists(card.rowNumber(), columnName, card.cardNumber()));
            }
        }
    }
}
