package com.giftcardimport.importing;

import com.giftcardimport.card.CardNumberMask;
import com.giftcardimport.i18n.Languages;
import com.giftcardimport.importing.job.ErrorReportWriter;
import com.giftcardimport.importing.job.ImportSummaryRepository;
import com.giftcardimport.project.Membership;
import com.giftcardimport.project.ProjectId;
import com.giftcardimport.security.CurrentTenant;
import com.giftcardimport.security.PeopleDirectory;
import com.giftcardimport.security.Tenant;
import java.io.OutputStream;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading imports: the list, one import, its row errors and error report (members of the current project), and the
 * audit across every project of the logged-in person (account managers). A job of another project behaves exactly
 * like one that does not exist ({@link ImportNotFoundException}).
 */
@Service
@Transactional(readOnly = true)
public class ImportQueries {

    /** How many imports an export reads at a time. */
    private static final int EXPORT_PAGE = 500;

    private final CurrentTenant current;
    private final ImportSummaryRepository jobs;
    private final ErrorReportWriter reports;
    private final PeopleDirectory people;

    ImportQueries(CurrentTenant current, ImportSummaryRepository jobs, ErrorReportWriter reports,
                  PeopleDirectory people) {
        this.current = current;
        this.jobs = jobs;
        this.reports = reports;
        this.people = people;
    }

    /** The current project's imports matching {@code filter}, newest first. */
    public List<ImportSummary> list(ImportFilter filter, int offset, int limit) {
        Tenant tenant = current.enterAsMember();
        return jobs.list(List.of(tenant.projectId()), filterOrAll(filter), offset, limit);
    }

    public long count(ImportFilter filter) {
        Tenant tenant = current.enterAsMember();
        return jobs.count(List.of(tenant.projectId()), filterOrAll(filter));
    }

    /** One import of the current project. */
    public ImportSummary get(ImportJobId id) {
        return find(id).orElseThrow(() -> new ImportNotFoundException("Import"));
    }

    public Optional<ImportSummary> find(ImportJobId id) {
        Tenant tenant = current.enterAsMember();
        return id == null ? Optional.empty() : jobs.find(tenant.projectId(), id);
    }

    /**
     * The row errors of an import, by row number. Whoever is not a project admin of it (an account manager) sees the
     * card numbers masked ({@link CardNumberMask}), in the value and in the message.
     */
    public List<RowError> errors(ImportJobId id, int offset, int limit) {
        ImportSummary job = get(id);
        List<RowError> errors = jobs.errors(job.projectId(), job.id(), offset, limit);
        if (current.enterAsMember().isAdmin()) {
            return errors;
        }
        Set<String> cardColumns = job.mappedColumns().stream()
                .filter(c -> c.field().equals(Optional.of(GiftCardField.CARD_NUMBER)))
                .map(ImportSummary.MappedColumn::column).collect(Collectors.toSet());
        return errors.stream().map(e -> cardColumns.contains(e.column()) ? withCardNumberMasked(e) : e).toList();
    }

    private static RowError withCardNumberMasked(RowError error) {
        if (error.value() == null || error.value().isEmpty()) {
            return error;
        }
        String masked = CardNumberMask.of(error.value());
        return new RowError(error.rowNumber(), error.column(), masked, error.code(),
                error.message().replace(error.value(), masked),
                error.text() == null ? null : error.text().withArguments(a -> a.replace(error.value(), masked)));
    }

    public long errorCount(ImportJobId id) {
        ImportSummary job = get(id);
        return jobs.errorCount(job.projectId(), job.id());
    }

    /**
     * Streams the error report (CSV, see {@link ErrorReportWriter}) to {@code out} without closing it. Project
     * admins only: SPEC §1 gives downloading error reports to them.
     */
    public void writeErrorReport(ImportJobId id, OutputStream out) {
        writeErrorReport(id, Languages.ENGLISH, out);
    }

    /** The error report with its added columns and its messages in {@code locale}; project admins only. */
    public void writeErrorReport(ImportJobId id, Locale locale, OutputStream out) {
        current.enterAsAdmin();
        reports.write(get(id), locale, out);
    }

    /**
     * The template of {@code action} ({@link ImportTemplate}) in {@code locale}, as CSV in the delimiter most of the
     * current project's imports had (for a project without imports, the one Excel uses in that language).
     */
    public byte[] templateCsv(ImportAction action, Locale locale) {
        Tenant tenant = current.enterAsMember();
        char delimiter = jobs.usualDelimiter(tenant.projectId()).orElse(ImportTemplate.defaultDelimiter(locale));
        return ImportTemplate.csv(action, locale, delimiter);
    }

    /** A file name for the error report of an import, e.g. {@code cards-errors-42.csv}. */
    public String errorReportFileName(ImportJobId id) {
        ImportSummary job = get(id);
        String base = job.originalFileName().replaceFirst("\\.[^.]*$", "");
        return base.replaceAll("[^\\p{L}\\p{N}._-]+", "_") + "-errors-" + job.id() + ".csv";
    }

    /** Whether the current user may launch and cancel imports in the current project (a project admin). */
    public boolean mayLaunch() {
        return current.enterAsMember().isAdmin();
    }

    /** The people who launched imports of the current project, by name: the choices of the list's user filter. */
    public List<LaunchedBy> launchers() {
        Tenant tenant = current.enterAsMember();
        return launchersOf(List.of(tenant.projectId()));
    }

    /**
     * The audit for account managers: imports of every project the logged-in person is a member of (or of
     * {@link ImportFilter#project()} among them), newest first, with the project's name.
     */
    public List<ImportSummary> audit(ImportFilter filter, int offset, int limit) {
        List<ImportSummary> page = jobs.list(auditProjects(filter), filterOrAll(filter), offset, limit);
        Map<ProjectId, String> names = current.memberships().stream()
                .collect(Collectors.toMap(Membership::projectId, Membership::projectName));
        return page.stream().map(job -> job.withProjectName(names.get(job.projectId()))).toList();
    }

    public long auditCount(ImportFilter filter) {
        return jobs.count(auditProjects(filter), filterOrAll(filter));
    }

    /**
     * Every import the audit shows for {@code filter}, newest first, handed to {@code consumer} a page at a time
     * (the audit's CSV export streams them without holding them all).
     */
    public void forEachAudited(ImportFilter filter, Consumer<ImportSummary> consumer) {
        int offset = 0;
        List<ImportSummary> page;
        do {
            page = audit(filter, offset, EXPORT_PAGE);
            page.forEach(consumer);
            offset += page.size();
        } while (page.size() == EXPORT_PAGE);
    }

    /**
     * Opens an import from the audit: makes its project the current project of this login session, so that its
     * result page shows it. Only an import of a project the caller is a member of; any other behaves exactly like
     * one that does not exist, and the current project stays.
     *
     * @throws ImportNotFoundException when no project of the caller has this import
     */
    public ImportJobId openFromAudit(ImportJobId id) {
        ImportSummary job = current.enterMemberProjects(null).stream()
                .map(project -> jobs.find(project, id)).flatMap(Optional::stream).findFirst()
                .orElseThrow(() -> new ImportNotFoundException("Import"));
        current.switchTo(job.projectId());
        return job.id();
    }

    /** The people who launched imports of the projects the audit covers, by name. */
    public List<LaunchedBy> auditLaunchers() {
        return launchersOf(auditProjects(ImportFilter.ALL));
    }

    /** The projects the audit covers, by name: the choices of the audit's project filter. */
    public List<Membership> auditableProjects() {
        current.requireUser();
        return current.memberships().stream()
                .sorted(Comparator.comparing(Membership::projectName))
                .toList();
    }

    private List<LaunchedBy> launchersOf(List<ProjectId> projects) {
        return people.byName(jobs.launchers(projects)).stream()
                .map(person -> new LaunchedBy(person.id(), person.displayName())).toList();
    }

    private List<ProjectId> auditProjects(ImportFilter filter) {
        return current.enterMemberProjects(filter == null ? null : filter.project());
    }

    private static ImportFilter filterOrAll(ImportFilter filter) {
        return filter == null ? ImportFilter.ALL : filter;
    }
}
