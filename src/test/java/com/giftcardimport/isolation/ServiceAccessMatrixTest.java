package com.giftcardimport.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.giftcardimport.api.ApiTestSupport;
import com.giftcardimport.api.ApiTokenService;
import com.giftcardimport.base.TestLogins;
import com.giftcardimport.base.db.OwnerJdbc;
import com.giftcardimport.card.CardNumberSearch;
import com.giftcardimport.card.GiftCardFilter;
import com.giftcardimport.card.GiftCardService;
import com.giftcardimport.importing.ColumnMapping;
import com.giftcardimport.importing.DirectImport;
import com.giftcardimport.importing.FileFormat;
import com.giftcardimport.importing.GiftCardField;
import com.giftcardimport.importing.ImportAction;
import com.giftcardimport.importing.draft.WizardDraft;
import com.giftcardimport.importing.draft.WizardDrafts;
import com.giftcardimport.importing.ImportFilter;
import com.giftcardimport.importing.FileInspection;
import com.giftcardimport.importing.ImportCancellation;
import com.giftcardimport.importing.ImportCheckId;
import com.giftcardimport.importing.ImportChecks;
import com.giftcardimport.importing.ImportCorrections;
import com.giftcardimport.importing.CorrectionTarget;
import com.giftcardimport.importing.ImportLaunch;
import com.giftcardimport.importing.ImportProgressFeed;
import com.giftcardimport.importing.ImportQueries;
import com.giftcardimport.importing.ImportStatus;
import com.giftcardimport.importing.ImportSummary;
import com.giftcardimport.importing.ImportUndo;
import com.giftcardimport.importing.LaunchOutcome;
import com.giftcardimport.importing.LaunchRequest;
import com.giftcardimport.importing.NamedColumnMapping;
import com.giftcardimport.importing.file.StoredFile;
import com.giftcardimport.importing.sniff.SniffResult;
import com.giftcardimport.isolation.AccessMatrixFixture.Ids;
import com.giftcardimport.isolation.AccessMatrixFixture.Side;
import com.giftcardimport.isolation.AccessMatrixFixture.World;
import com.giftcardimport.pool.PoolDraft;
import com.giftcardimport.pool.PoolService;
import com.giftcardimport.pool.ValueType;
import com.giftcardimport.project.ProjectId;
import com.giftcardimport.project.ProjectRole;
import com.giftcardimport.security.AccountService;
import com.giftcardimport.security.AdministrationService;
import com.giftcardimport.security.CurrentTenant;
import com.giftcardimport.security.UserPreferencesService;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Service;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every public method of every application service, called by every kind of caller with the ids of a project that
 * is not theirs and with ids that exist nowhere: the two answers are the same, nothing of the other project shows in
 * either, and nothing of it changes. The list of methods comes from the application context, so a new service method
 * without a declared probe fails {@link #every_public_service_method_has_a_declared_probe}.
 */
@SpringBootTest
@ActiveProfiles("test")
class ServiceAccessMatrixTest {

    @Autowired
    WizardDrafts drafts;

    /** The kinds of caller (SPEC §1) plus nobody. */
    enum Actor { ANONYMOUS, PLATFORM_ADMIN, PROJECT_ADMIN, ACCOUNT_MANAGER, API_TOKEN }

    /**
     * How a method is probed.
     * <ul>
     *   <li>{@code IDS}: called with the foreign ids and with missing ids; the answers must be equal.</li>
     *   <li>{@code NO_IDS}: takes nothing that names another project (its project comes from the login); called
     *       once, e.g. a list or a create in the caller's own project.</li>
     *   <li>{@code PLATFORM}: projects, people and memberships, which only the platform admin manages, across the
     *       whole installation by design: the platform admin calls it on throw-away ids (and may see every project's
     *       and person's name); every other caller as {@code IDS}.</li>
     *   <li>{@code GLOBAL}: log-in by user name, the same for everyone and holding no project data: called with a
     *       throw-away person's name.</li>
     * </ul>
     */
    enum Kind { IDS, NO_IDS, PLATFORM, GLOBAL }

    record Probe(Kind kind, Function<Ids, Object> call) {
    }

    private static final FileFormat CSV = new FileFormat(StandardCharsets.UTF_8, ',');
    private static final ColumnMapping MAPPING = ColumnMapping.of(
            Map.of(0, GiftCardField.CARD_NUMBER, 1, GiftCardField.POOL, 2, GiftCardField.BALANCE), 3);
    private static final ColumnMapping STATUS_MAPPING = ColumnMapping.of(
            Map.of(0, GiftCardField.CARD_NUMBER, 1, GiftCardField.STATUS), 2);

    @Autowired
    ApplicationContext context;
    @Autowired
    AccessMatrixFixture fixture;
    @Autowired
    PoolService pools;
    @Autowired
    GiftCardService cards;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    AdministrationService administration;
    @Autowired
    AccountService account;
    @Autowired
    UserPreferencesService preferences;
    @Autowired
    DirectImport directImport;
    @Autowired
    FileInspection inspection;
    @Autowired
    ImportLaunch launcher;
    @Autowired
    ImportQueries queries;
    @Autowired
    ImportCancellation cancellation;
    @Autowired
    ImportProgressFeed feed;
    @Autowired
    ImportUndo undo;
    @Autowired
    ImportChecks checks;
    @Autowired
    ImportCorrections corrections;
    @Autowired
    OwnerJdbc owner;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    CurrentTenant current;

    @AfterEach
    void logout() {
        TestLogins.logout();
    }

    private Map<String, Probe> probes() {
        Map<String, Probe> p = new LinkedHashMap<>();
        // pools
        p.put("PoolService#all()", noIds(() -> pools.all()));
        p.put("PoolService#overview()", noIds(() -> pools.overview()));
        p.put("PoolService#get(PoolId)", ids(id -> pools.get(id.pool())));
        p.put("PoolService#findBySystemName(String)", ids(id -> pools.findBySystemName(id.poolSystemName())));
        p.put("PoolService#hasCards(PoolId)", ids(id -> pools.hasCards(id.pool())));
        p.put("PoolService#mayManage()", noIds(() -> pools.mayManage()));
        p.put("PoolService#create(PoolDraft)", noIds(() -> pools.create(draft())));
        p.put("PoolService#update(PoolId,PoolDraft)", ids(id -> pools.update(id.pool(),
                new PoolDraft("renamed", "Renamed", ValueType.ARBITRARY, null, false, null, null))));
        // cards
        p.put("GiftCardService#page(GiftCardFilter,int,int)", ids(id -> List.of(
                cards.page(GiftCardFilter.all(), 0, 500), cards.page(GiftCardFilter.all().withPool(id.pool()), 0, 500),
                cards.page(GiftCardFilter.all().withNumber(new CardNumberSearch(id.cardNumber(), true)), 0, 500),
                cards.page(GiftCardFilter.all().withImportJob(id.job().value()), 0, 500))));
        p.put("GiftCardService#count(GiftCardFilter)", ids(id -> List.of(
                cards.count(GiftCardFilter.all()), cards.count(GiftCardFilter.all().withPool(id.pool())),
                cards.count(GiftCardFilter.all().withNumber(new CardNumberSearch(id.cardNumber(), true))),
                cards.count(GiftCardFilter.all().withImportJob(id.job().value())))));
        p.put("GiftCardService#pools()", noIds(() -> cards.pools()));
        p.put("GiftCardService#maySearchByPrefix()", noIds(() -> cards.maySearchByPrefix()));
        p.put("GiftCardService#takenNumbers(Collection)", ids(id -> cards.takenNumbers(List.of(id.cardNumber()))));
        // API tokens
        p.put("ApiTokenService#list()", noIds(() -> tokens.list()));
        p.put("ApiTokenService#create(String)", noIds(() -> tokens.create("matrix-" + unique()).token()));
        p.put("ApiTokenService#revoke(ApiTokenId)", ids(id -> {
            tokens.revoke(id.token());
            return "revoked";
        }));
        // the platform
        p.put("AdministrationService#projects()", platform(id -> administration.projects()));
        p.put("AdministrationService#users()", platform(id -> administration.users()));
        p.put("AdministrationService#membershipsOf(UserId)", platform(id -> administration.membershipsOf(id.user())));
        p.put("AdministrationService#createProject(String,String)", platform(id -> administration.createProject(
                "zzm-" + unique(), "Matrix project")));
        p.put("AdministrationService#createUser(String,String,String,boolean)", platform(id -> administration
                .createUser("zzm-" + unique(), "Matrix person", "long enough password", false)));
        p.put("AdministrationService#putMembership(ProjectId,UserId,ProjectRole)", platform(id -> {
            administration.putMembership(id.project(), id.user(), ProjectRole.ACCOUNT_MANAGER);
            return "put";
        }));
        p.put("AdministrationService#removeMembership(ProjectId,UserId)", platform(id -> {
            administration.removeMembership(id.project(), id.user());
            return "removed";
        }));
        p.put("AdministrationService#setEnabled(UserId,boolean)", platform(id -> {
            administration.setEnabled(id.user(), true);
            return "enabled";
        }));
        p.put("AdministrationService#updateUser(UserId,String,boolean)", platform(id -> {
            administration.updateUser(id.user(), "Matrix person", false);
            return "updated";
        }));
        p.put("AdministrationService#loginAttempts(int)", platform(id -> administration.loginAttempts(20).size()));
        p.put("AccountService#changePassword(String,String)", noIds(() -> {
            account.changePassword("not the current password", "another long password");
            return "changed";
        }));
        p.put("UserPreferencesService#mine()", noIds(() -> preferences.mine().isPresent()));
        p.put("UserPreferencesService#chooseLanguage(Locale)", noIds(() -> {
            preferences.chooseLanguage(Locale.ENGLISH);
            forgetChoices();
            return "chosen";
        }));
        p.put("UserPreferencesService#chooseDarkTheme(boolean)", noIds(() -> {
            preferences.chooseDarkTheme(true);
            forgetChoices();
            return "chosen";
        }));
        p.put("AppUserDetailsService#loadUserByUsername(String)",
                new Probe(Kind.GLOBAL, id -> userDetails.loadUserByUsername(id.username()).getUsername()));
        // imports
        p.put("FileInspection#actions()", noIds(() -> inspection.actions()));
        p.put("FileInspection#upload(InputStream,String)", noIds(() -> inspection.upload(
                new ByteArrayInputStream("Card,Pool,Balance\nX-1,flex,1\n".getBytes(StandardCharsets.UTF_8)),
                "matrix.csv").originalName()));
        p.put("FileInspection#receive(InputStream,String)", noIds(() -> inspection.receive(
                new ByteArrayInputStream("Card,Pool,Balance\nX-1,flex,1\n".getBytes(StandardCharsets.UTF_8)),
                "matrix.csv").file().originalName()));
        p.put("FileInspection#suggestMapping(SniffResult)", noIds(() -> inspection.suggestMapping(new SniffResult(
                CSV, CSV.encoding(), false, List.of("Card", "Pool", "Balance"), List.of(), 1, List.of(), true, List.of()))
                .mapping().fieldByColumn()));
        p.put("FileInspection#inspect(String,Optional,Optional)",
                ids(id -> inspection.inspect(id.fileId(), Optional.empty(), Optional.empty())));
        p.put("FileInspection#inspect(String,FileFormat)", ids(id -> inspection.inspect(id.fileId(), CSV)));
        p.put("FileInspection#suggestMapping(String,FileFormat)", ids(id -> inspection.suggestMapping(id.fileId(), CSV)));
        // the wizard's draft is the logged-in person's in the current project; another project's upload is refused
        p.put("WizardDrafts#find()", noIds(() -> drafts.find().map(WizardDraft::step)));
        p.put("WizardDrafts#save(WizardDraft)", ids(id -> {
            drafts.save(new WizardDraft(ImportAction.ADD_GIFT_CARDS, 1, new StoredFile(id.fileId(), id.project(),
                    "matrix.csv", 1, "x", Instant.EPOCH), CSV.encoding(), CSV.delimiter(), null, MAPPING));
            return drafts.find().map(d -> d.file().id());
        }));
        p.put("WizardDrafts#discard()", noIds(() -> {
            drafts.discard();
            return drafts.find().isPresent();
        }));
        p.put("WizardDrafts#launched()", noIds(() -> {
            drafts.launched();
            return drafts.find().isPresent();
        }));
        p.put("FileInspection#preview(String,FileFormat,ColumnMapping,int)",
                ids(id -> inspection.preview(id.fileId(), CSV, MAPPING, 10)));
        p.put("FileInspection#preview(String,FileFormat,ColumnMapping,int,ImportAction)",
                ids(id -> inspection.preview(id.fileId(), CSV, STATUS_MAPPING, 10,
                        ImportAction.UPDATE_GIFT_CARD_STATUSES)));
        p.put("FileInspection#discard(String)", ids(id -> {
            inspection.discard(id.fileId());
            return "discarded";
        }));
        // refused after the upload (the mapping names a column the file lacks): no job starts to change the lists;
        // then a status update in the caller's project naming the other project's card, run to its end
        p.put("DirectImport#importFile(Request)", ids(id -> List.of(directImport.importFile(new DirectImport.Request(
                inspection.receive(new ByteArrayInputStream(
                        "Card,Pool,Balance\nX-1,flex,1\n".getBytes(StandardCharsets.UTF_8)), "matrix.csv"),
                Optional.empty(), Optional.empty(), Optional.of(new NamedColumnMapping(
                        Map.of("No such column", Optional.of(GiftCardField.CARD_NUMBER)))), null, null))
                        .launch().kind(),
                Outcomes.of(() -> statusUpdateOf(id.cardNumber())))));
        // the whole-file check and corrections (checks take ids from the imports' sequence: a job id names no check)
        p.put("DirectImport#dryRun(Request)", ids(id -> directImport.dryRun(new DirectImport.Request(
                inspection.receive(new ByteArrayInputStream(
                        "Card,Pool,Balance\nX-1,flex,1\n".getBytes(StandardCharsets.UTF_8)), "matrix.csv"),
                Optional.empty(), Optional.empty(), Optional.of(new NamedColumnMapping(
                        Map.of("No such column", Optional.of(GiftCardField.CARD_NUMBER)))), null, null)).check()));
        p.put("ImportChecks#findOrStart(StoredFile,FileFormat,ColumnMapping,ImportAction)", ids(id -> checks.findOrStart(
                new StoredFile(id.fileId(), id.project(), "cards.csv", 40, "00", Instant.now()), CSV, MAPPING,
                ImportAction.ADD_GIFT_CARDS).id()));
        p.put("ImportChecks#startDryRun(StoredFile,FileFormat,ColumnMapping,ImportAction,SniffResult)",
                ids(id -> checks.startDryRun(new StoredFile(id.fileId(), id.project(), "cards.csv", 40, "00",
                        Instant.now()), CSV, MAPPING, ImportAction.ADD_GIFT_CARDS, null).id()));
        p.put("ImportChecks#get(ImportCheckId)", ids(id -> checks.get(checkOf(id))));
        p.put("ImportChecks#find(ImportCheckId)", ids(id -> checks.find(checkOf(id))));
        p.put("ImportChecks#awaitEnd(ImportCheckId)", ids(id -> checks.awaitEnd(checkOf(id))));
        p.put("ImportChecks#errors(ImportCheckId,int,int)", ids(id -> checks.errors(checkOf(id), 0, 100)));
        p.put("ImportChecks#errorCount(ImportCheckId)", ids(id -> checks.errorCount(checkOf(id))));
        p.put("ImportChecks#writeErrorReport(ImportCheckId,OutputStream)", ids(id -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            checks.writeErrorReport(checkOf(id), out);
            return out.toByteArray();
        }));
        p.put("ImportChecks#writeErrorReport(ImportCheckId,Locale,OutputStream)", ids(id -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            checks.writeErrorReport(checkOf(id), Locale.forLanguageTag("ru"), out);
            return out.toByteArray();
        }));
        p.put("ImportChecks#errorReportFileName(ImportCheckId)", ids(id -> checks.errorReportFileName(checkOf(id))));
        p.put("ImportCorrections#targetOf(ImportJobId)", ids(id -> corrections.targetOf(id.job())));
        p.put("ImportCorrections#targetOf(ImportCheckId)", ids(id -> corrections.targetOf(checkOf(id))));
        p.put("ImportCorrections#failedRows(ImportJobId,Locale)",
                ids(id -> corrections.failedRows(id.job(), Locale.ENGLISH)));
        p.put("ImportCorrections#failedRows(ImportCheckId,Locale)",
                ids(id -> corrections.failedRows(checkOf(id), Locale.ENGLISH)));
        p.put("ImportCorrections#validate(CorrectionTarget,long,List)", ids(id -> corrections.validate(
                new CorrectionTarget("cards.csv", List.of("Card", "Pool", "Balance"), MAPPING,
                        ImportAction.ADD_GIFT_CARDS, ',', java.util.Set.of()), 2,
                List.of(id.cardNumber(), "flex", "1"))));
        p.put("ImportCorrections#importCorrected(ImportJobId,List)", ids(id -> corrections.importCorrected(id.job(),
                List.of(List.of("M-1", "flex", "1")))));
        p.put("ImportCorrections#links(ImportJobId)", ids(id -> corrections.links(id.job())));
        p.put("ImportCorrections#linksOf(Collection)", ids(id -> corrections.linksOf(List.of(id.job()))));
        p.put("ImportLaunch#launch(LaunchRequest)", ids(id -> launcher.launch(new LaunchRequest(
                new StoredFile(id.fileId(), id.project(), "cards.csv", 40, "00", Instant.now()), CSV, MAPPING,
                null)).id()));
        p.put("ImportLaunch#launch(LaunchRequest,SniffResult)", ids(id -> launcher.launch(new LaunchRequest(
                new StoredFile(id.fileId(), id.project(), "cards.csv", 40, "00", Instant.now()), CSV, MAPPING,
                null), null).id()));
        p.put("ImportQueries#list(ImportFilter,int,int)", ids(id -> List.of(queries.list(ImportFilter.ALL, 0, 500),
                queries.list(new ImportFilter(null, id.user(), null, null), 0, 500))));
        p.put("ImportQueries#count(ImportFilter)", ids(id -> List.of(queries.count(ImportFilter.ALL),
                queries.count(new ImportFilter(null, id.user(), null, null)))));
        p.put("ImportQueries#get(ImportJobId)", ids(id -> queries.get(id.job())));
        p.put("ImportQueries#find(ImportJobId)", ids(id -> queries.find(id.job())));
        p.put("ImportQueries#errors(ImportJobId,int,int)", ids(id -> queries.errors(id.job(), 0, 100)));
        p.put("ImportQueries#errorCount(ImportJobId)", ids(id -> queries.errorCount(id.job())));
        p.put("ImportQueries#writeErrorReport(ImportJobId,OutputStream)", ids(id -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            queries.writeErrorReport(id.job(), out);
            return out.toByteArray();
        }));
        p.put("ImportQueries#writeErrorReport(ImportJobId,Locale,OutputStream)", ids(id -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            queries.writeErrorReport(id.job(), Locale.forLanguageTag("ru"), out);
            return out.toByteArray();
        }));
        p.put("ImportQueries#templateCsv(ImportAction,Locale)",
                noIds(() -> queries.templateCsv(ImportAction.ADD_GIFT_CARDS, Locale.ENGLISH)));
        p.put("ImportQueries#errorReportFileName(ImportJobId)", ids(id -> queries.errorReportFileName(id.job())));
        p.put("ImportCancellation#cancel(ImportJobId)", ids(id -> cancellation.cancel(id.job())));
        p.put("ImportUndo#preview(ImportJobId)", ids(id -> undo.preview(id.job())));
        p.put("ImportUndo#undo(ImportJobId)", ids(id -> undo.undo(id.job())));
        p.put("ImportUndo#keptCards(ImportJobId,int,int)", ids(id -> undo.keptCards(id.job(), 0, 100)));
        p.put("ImportQueries#audit(ImportFilter,int,int)", ids(id -> List.of(queries.audit(ImportFilter.ALL, 0, 500),
                queries.audit(ImportFilter.ALL.withProject(id.project()), 0, 500),
                queries.audit(new ImportFilter(null, id.user(), null, null), 0, 500))));
        p.put("ImportQueries#auditCount(ImportFilter)", ids(id -> List.of(queries.auditCount(ImportFilter.ALL),
                queries.auditCount(ImportFilter.ALL.withProject(id.project())))));
        p.put("ImportQueries#forEachAudited(ImportFilter,Consumer)", ids(id -> {
            List<ImportSummary> seen = new ArrayList<>();
            queries.forEachAudited(ImportFilter.ALL.withProject(id.project()), seen::add);
            return seen;
        }));
        p.put("ImportQueries#openFromAudit(ImportJobId)", ids(id -> queries.openFromAudit(id.job())));
        p.put("ImportQueries#mayLaunch()", noIds(() -> queries.mayLaunch()));
        p.put("ImportQueries#launchers()", noIds(() -> queries.launchers()));
        p.put("ImportQueries#auditLaunchers()", noIds(() -> queries.auditLaunchers()));
        p.put("ImportQueries#auditableProjects()", noIds(() -> queries.auditableProjects()));
        p.put("ImportProgressFeed#subscribe(Consumer)", noIds(() -> {
            feed.subscribe(progress -> { }).remove();
            return "subscribed";
        }));
        p.put("ImportProgressFeed#subscribeJob(ImportJobId,Consumer)", ids(id -> {
            feed.subscribeJob(id.job(), progress -> { }).remove();
            return "subscribed";
        }));
        p.put("ImportProgressFeed#subscribeAudit(Consumer)", noIds(() -> {
            feed.subscribeAudit(progress -> { }).remove();
            return "subscribed";
        }));
        return p;
    }

    @Test
    void every_public_service_method_has_a_declared_probe() {
        assertThat(new TreeSet<>(probes().keySet())).isEqualTo(serviceMethods().keySet());
    }

    @Test
    void every_public_service_method_runs_in_a_transaction_so_that_its_check_scopes_the_database() {
        List<String> outside = serviceMethods().entrySet().stream()
                .filter(e -> AnnotatedElementUtils.findMergedAnnotation(e.getValue(), Transactional.class) == null
                        && AnnotatedElementUtils.findMergedAnnotation(e.getValue().getDeclaringClass(),
                        Transactional.class) == null)
                .map(Map.Entry::getKey).toList();
        assertThat(outside).as("public service methods without @Transactional (method or class)").isEmpty();
    }

    @Test
    void every_caller_gets_the_same_answer_for_another_projects_ids_as_for_missing_ones_sees_none_of_it_and_changes_none_of_it() {
        World world = fixture.world();
        Map<String, Probe> probes = probes();
        List<String> failures = new ArrayList<>();
        for (Actor actor : Actor.values()) {
            Side foreign = foreignSide(actor, world);
            String before = fixture.snapshot(foreign.project());
            for (Map.Entry<String, Probe> entry : probes.entrySet()) {
                failures.addAll(probe(actor, entry.getKey(), entry.getValue(), world, foreign));
            }
            TestLogins.logout();
            String after = fixture.snapshot(foreign.project());
            if (!after.equals(before)) {
                failures.add(actor + " changed project " + foreign.marker() + ":\nbefore " + before + "\nafter  " + after);
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void the_rightful_callers_do_see_the_data_the_matrix_looks_for() {
        World world = fixture.world();
        String a = world.a().marker();
        login(Actor.PROJECT_ADMIN, world);
        assertThat(Outcomes.of(() -> pools.all())).contains(a);
        assertThat(Outcomes.of(() -> cards.page(GiftCardFilter.all(), 0, 500))).contains(a);
        assertThat(Outcomes.of(() -> queries.list(ImportFilter.ALL, 0, 500))).contains(a);
        assertThat(Outcomes.of(() -> queries.errors(world.a().job(), 0, 10))).contains(a);
        assertThat(Outcomes.of(() -> tokens.list())).contains(a);
        assertThat(Outcomes.of(() -> queries.launchers())).contains(a);
        assertThat(Outcomes.of(() -> inspection.inspect(world.a().fileId(), Optional.empty(), Optional.empty())))
                .contains(a);
        login(Actor.ACCOUNT_MANAGER, world);
        assertThat(Outcomes.of(() -> queries.audit(ImportFilter.ALL, 0, 500))).contains(a);
        assertThat(Outcomes.of(() -> pools.all())).contains(a);
        login(Actor.API_TOKEN, world);
        assertThat(Outcomes.of(() -> pools.all())).contains(world.g().marker());
        assertThat(Outcomes.of(() -> queries.get(world.g().job()))).contains(world.g().marker());
    }

    @Test
    void the_project_switcher_refuses_another_project_like_a_missing_one() {
        World world = fixture.world();
        login(Actor.PROJECT_ADMIN, world);
        String foreign = Outcomes.of(() -> {
            current.switchTo(world.g().project());
            return "switched";
        });
        String missing = Outcomes.of(() -> {
            current.switchTo(new ProjectId(AccessMatrixFixture.MISSING));
            return "switched";
        });
        assertThat(foreign).isEqualTo(missing).startsWith("threw AccessDeniedException");
        assertThat(current.enterAsMember().projectId()).isEqualTo(world.a().project());
    }

    private List<String> probe(Actor actor, String name, Probe probe, World world, Side foreign) {
        List<String> failures = new ArrayList<>();
        Ids missing = fixture.missing();
        Set<String> forbidden = forbiddenMarkers(actor, world);
        boolean platformAdminAtHome = actor == Actor.PLATFORM_ADMIN && probe.kind() == Kind.PLATFORM;
        switch (probe.kind()) {
            case NO_IDS -> {
                String answer = call(actor, world, probe, foreign.ids());
                checkNothingShown(failures, actor, name, answer, forbidden);
            }
            case GLOBAL -> {
                String answer = call(actor, world, probe, throwaway(world, missing));
                checkNothingShown(failures, actor, name, answer, forbidden);
            }
            case IDS, PLATFORM -> {
                if (platformAdminAtHome) {
                    call(actor, world, probe, throwaway(world, missing));
                    break;
                }
                String foreignAnswer = call(actor, world, probe, foreign.ids());
                String missingAnswer = call(actor, world, probe, missing);
                checkNothingShown(failures, actor, name, foreignAnswer, forbidden);
                String comparableForeign = Outcomes.withoutIds(foreignAnswer, foreign.ids().asText());
                String comparableMissing = Outcomes.withoutIds(missingAnswer, missing.asText());
                if (!comparableForeign.equals(comparableMissing)) {
                    failures.add(actor + " " + name + ": another project's ids answered\n    " + comparableForeign
                            + "\n  but missing ids answered\n    " + comparableMissing);
                }
            }
        }
        return failures;
    }

    private String call(Actor actor, World world, Probe probe, Ids ids) {
        login(actor, world);
        return Outcomes.of(() -> probe.call().apply(ids));
    }

    private static void checkNothingShown(List<String> failures, Actor actor, String name, String answer,
                                          Set<String> forbidden) {
        for (String marker : forbidden) {
            if (answer.contains(marker)) {
                failures.add(actor + " " + name + " showed data of " + marker + ": " + answer);
            }
        }
    }

    /** The projects whose data this caller must never see. */
    private static Set<String> forbiddenMarkers(Actor actor, World world) {
        return switch (actor) {
            case PROJECT_ADMIN, ACCOUNT_MANAGER -> Set.of(world.g().marker());
            case API_TOKEN -> Set.of(world.a().marker());
            case ANONYMOUS, PLATFORM_ADMIN -> Set.of(world.a().marker(), world.g().marker());
        };
    }

    private static Side foreignSide(Actor actor, World world) {
        return actor == Actor.API_TOKEN ? world.a() : world.g();
    }

    private static Ids throwaway(World world, Ids missing) {
        return new Ids(world.throwawayProject(), missing.pool(), missing.poolSystemName(), missing.job(),
                missing.token(), missing.fileId(), world.throwawayUser(), world.throwawayUsername(), missing.cardNumber());
    }

    private void login(Actor actor, World world) {
        TestLogins.logout();
        switch (actor) {
            case ANONYMOUS -> { }
            case PLATFORM_ADMIN -> TestLogins.login(userDetails, world.platformAdminUsername());
            case PROJECT_ADMIN -> {
                TestLogins.login(userDetails, world.a().adminUsername());
                current.switchTo(world.a().project());
            }
            case ACCOUNT_MANAGER -> {
                TestLogins.login(userDetails, world.managerUsername());
                current.switchTo(world.a().project());
            }
            case API_TOKEN -> ApiTestSupport.loginWithToken(context, world.g().tokenSecret());
        }
    }

    /** Every public method declared by a {@code @Service} of the application, by {@code Class#method(Params)}. */
    private Map<String, Method> serviceMethods() {
        Map<String, Method> methods = new java.util.TreeMap<>();
        for (Object bean : context.getBeansWithAnnotation(Service.class).values()) {
            Class<?> type = AopUtils.getTargetClass(bean);
            if (!type.getPackageName().startsWith("com.giftcardimport")) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers()) && !method.isSynthetic() && !method.isBridge()
                        && !Modifier.isStatic(method.getModifiers())) {
                    methods.put(type.getSimpleName() + "#" + method.getName() + Arrays.stream(method.getParameterTypes())
                            .map(Class::getSimpleName).collect(Collectors.joining(",", "(", ")")), method);
                }
            }
        }
        return methods;
    }

    private static Probe ids(Function<Ids, Object> call) {
        return new Probe(Kind.IDS, call);
    }

    private static Probe noIds(java.util.function.Supplier<Object> call) {
        return new Probe(Kind.NO_IDS, ids -> call.get());
    }

    private static Probe platform(Function<Ids, Object> call) {
        return new Probe(Kind.PLATFORM, call);
    }

    /** Sets the status of card {@code number} by a file, in the caller's project: the job's row errors. */
    private Object statusUpdateOf(String number) {
        LaunchOutcome outcome = directImport.importFile(new DirectImport.Request(inspection.receive(
                new ByteArrayInputStream(("Card number,Status\n" + number + ",Blocked\n")
                        .getBytes(StandardCharsets.UTF_8)), "statuses.csv"),
                Optional.empty(), Optional.empty(), Optional.empty(), null, ImportAction.UPDATE_GIFT_CARD_STATUSES))
                .launch();
        await().atMost(Duration.ofSeconds(60)).until(() -> ImportStatus.valueOf(owner.sql(
                "select status from import_job where id = ?").param(outcome.id().value()).query(String.class)
                .single()).isFinal());
        return queries.errors(outcome.id(), 0, 10);
    }

    /** A check id that names nothing: checks and imports share one sequence, so a job's id is no check's. */
    private static ImportCheckId checkOf(Ids ids) {
        return ImportCheckId.of(ids.job().value());
    }

    private static PoolDraft draft() {
        return new PoolDraft("matrix-" + unique(), "Matrix pool", ValueType.ARBITRARY, null, false, null, null);
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** The probes' choices do not outlive them: other tests show the demo users in their browser's language. */
    private void forgetChoices() {
        owner.sql("update app_user set language = null, dark_theme = false").update();
    }
}
