package com.giftcardimport.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;

import com.giftcardimport.base.TestLogins;
import com.giftcardimport.security.AppUser;
import com.github.mvysny.fakeservlet.FakeHttpSession;
import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.ScanResult;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import kotlin.jvm.functions.Function1;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base class for browserless UI tests with Karibu-Testing on the real application: the full Spring context of
 * the test profile (embedded PostgreSQL, demo data, security), Vaadin mocked around it, the routes discovered
 * from {@code com.giftcardimport} (including the {@code @Layout} shell).
 *
 * <p>Before each test a fresh mock UI and session are set up with nobody logged in; after each test they are
 * torn down and the security context cleared. A test logs a person in with {@link #login(String)}, then navigates:
 *
 * <pre>{@code
 * class PoolsViewTest extends KaribuTest {
 *     @Test
 *     void a_project_admin_sees_the_pools_of_the_current_project() {
 *         login("alice");
 *         PoolsView view = navigate(PoolsView.class);   // or UI.getCurrent().navigate("pools")
 *         assertThat(GridKt._findAll(view.grid)).isNotEmpty();
 *     }
 * }
 * }</pre>
 *
 * <p>How security is bridged: Karibu runs no servlet filter, so Spring Security's request wrapper is missing.
 * {@link #login(String)} sets the {@link SecurityContextHolder} (which services, {@code CurrentTenant} and
 * Vaadin's {@code AuthenticationContext} read), and every mock request answers {@code getUserPrincipal()} and
 * {@code isUserInRole(role)} from that same context, as Spring's {@code SecurityContextHolderAwareRequestWrapper}
 * does (roles carry the {@code ROLE_} prefix). Vaadin's navigation access control (route annotations, redirect
 * of anonymous users to the login view) therefore sees exactly the logged-in user. Log in before navigating:
 * the shell reads the user's projects when it is created.
 *
 * <p>Tests share the embedded database and its demo data with every other test of the JVM: create data with
 * unique names, and leave the demo projects as they were.
 */
@SpringBootTest
@ActiveProfiles("test")
public abstract class KaribuTest {

    private static final Routes ROUTES = discoverRoutes("com.giftcardimport");

    @Autowired
    protected ApplicationContext applicationContext;

    @Autowired
    private UserDetailsService userDetailsService;

    private Function1<FakeHttpSession, FakeRequest> originalRequestFactory;

    @BeforeEach
    void setUpMockVaadin() {
        // Several Spring contexts live in one test JVM, and each one installs its own (Vaadin-aware) strategy as
        // the global SecurityContextHolder strategy when it starts. Views and method security of THIS context read
        // this context's strategy bean, so make it the global one again before logging anybody in.
        applicationContext.getBeanProvider(SecurityContextHolderStrategy.class)
                .ifAvailable(SecurityContextHolder::setContextHolderStrategy);
        TestLogins.logout();
        originalRequestFactory = MockVaadin.getMockRequestFactory();
        MockVaadin.setMockRequestFactory(SpringSecurityAwareRequest::new);
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, applicationContext, UI::new));
    }

    @AfterEach
    void tearDownMockVaadin() {
        try {
            MockVaadin.tearDown();
        } finally {
            MockVaadin.setMockRequestFactory(originalRequestFactory);
            TestLogins.logout();
        }
    }

    /**
     * Logs a user of the database in (demo users: {@code root} platform admin, {@code alice} admin of acme,
     * {@code bob} admin of globex, {@code maria} account manager of both). The current project starts at the
     * user's first membership by project key.
     */
    protected AppUser login(String username) {
        return TestLogins.login(userDetailsService, username);
    }

    /** Nobody is logged in any more (the UI already shown stays until the next navigation). */
    protected void logout() {
        TestLogins.logout();
    }

    /**
     * Shows the UI in {@code languageTag} ({@code "ru-RU"}, {@code "en-US"}) from now on, as a browser in that
     * language would; the views created after this call speak it.
     */
    protected void inLanguage(String languageTag) {
        Locale locale = Locale.forLanguageTag(languageTag);
        VaadinSession.getCurrent().setLocale(locale);
        UI.getCurrent().setLocale(locale);
    }

    /**
     * A new browser window of the same login (a fresh mock UI and session, the same security context): shows what
     * the application remembers for the person, not what the previous page held.
     */
    protected void openNewWindow() {
        MockVaadin.tearDown();
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, applicationContext, UI::new));
    }

    /** Navigates to {@code view} and returns the one instance now shown. */
    protected <T extends Component> T navigate(Class<T> view) {
        UI.getCurrent().navigate(view);
        return _get(view);
    }

    /**
     * Every {@code @Route} and {@code @Layout} class under {@code packageName}. Karibu's own discovery finds
     * public classes only, while our views are package-private (as Spring's route scanning allows).
     */
    private static Routes discoverRoutes(String packageName) {
        Routes routes = new Routes().autoDiscoverViews(packageName);
        try (ScanResult scan = new ClassGraph().enableClassInfo().enableAnnotationInfo().ignoreClassVisibility()
                .acceptPackages(packageName).scan()) {
            for (Class<?> annotation : List.of(Route.class, Layout.class)) {
                for (ClassInfo info : scan.getClassesWithAnnotation(annotation.getName())) {
                    routes.getRoutes().add(info.loadClass(Component.class));
                }
            }
        }
        return routes;
    }

    /** A mock request whose principal and roles come from Spring Security's current context. */
    static final class SpringSecurityAwareRequest extends FakeRequest {

        SpringSecurityAwareRequest(FakeHttpSession session) {
            super(session);
        }

        @Override
        public Principal getUserPrincipal() {
            return authentication();
        }

        @Override
        public boolean isUserInRole(String role) {
            Authentication authentication = authentication();
            String authority = role.startsWith("ROLE_") ? role : "ROLE_" + role;
            return authentication != null && authentication.getAuthorities().stream()
                    .anyMatch(a -> authority.equals(a.getAuthority()));
        }

        private static Authentication authentication() {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication == null || !authentication.isAuthenticated()
                    || authentication instanceof AnonymousAuthenticationToken) {
                return null;
            }
            return authentication;
        }
    }
}
