package com.giftcardimport.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import com.giftcardimport.base.ui.KaribuTest;
import com.giftcardimport.isolation.AccessMatrixFixture.Ids;
import com.giftcardimport.isolation.AccessMatrixFixture.World;
import com.giftcardimport.security.CurrentTenant;
import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.github.mvysny.kaributesting.v10.PrettyPrintTreeKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every route of the application, opened by every kind of person (nobody, the platform admin, a project admin, an
 * account manager of two projects) with another project's ids where the route takes an id: the screen shows the
 * same as for an id that does not exist, and nothing of the other project anywhere on it (texts, grid rows, choices
 * of combo boxes and selects). The routes come from Vaadin's route registry, so a new route without a declared
 * expectation fails {@link #every_route_has_a_declared_expectation}.
 */
class RouteAccessMatrixTest extends KaribuTest {

    enum Actor { ANONYMOUS, PLATFORM_ADMIN, PROJECT_ADMIN, ACCOUNT_MANAGER }

    /** The URL of a route for some ids (the ids matter only for routes with parameters). */
    private static final Map<String, Function<Ids, String>> ROUTES = new LinkedHashMap<>();

    static {
        ROUTES.put("", ids -> "");
        ROUTES.put("login", ids -> "login");
        ROUTES.put("admin", ids -> "admin");
        ROUTES.put("admin/logins", ids -> "admin/logins");
        ROUTES.put("account", ids -> "account");
        ROUTES.put("pools", ids -> "pools");
        ROUTES.put("cards", ids -> "cards");
        ROUTES.put("api-tokens", ids -> "api-tokens");
        ROUTES.put("imports", ids -> "imports");
        ROUTES.put("imports/new", ids -> "imports/new");
        ROUTES.put("audit", ids -> "audit");
        ROUTES.put("imports/:id([0-9]{1,18})", ids -> "imports/" + ids.job().value());
    }

    /** Routes whose URL names something of a project: opened with foreign and with missing ids. */
    private static final Set<String> WITH_IDS = Set.of("imports/:id([0-9]{1,18})");

    @Autowired
    AccessMatrixFixture fixture;
    @Autowired
    CurrentTenant current;

    @Test
    void every_route_has_a_declared_expectation() {
        Set<String> templates = RouteConfiguration.forApplicationScope().getAvailableRoutes().stream()
                .map(RouteData::getTemplate).collect(Collectors.toCollection(TreeSet::new));
        assertThat(new TreeSet<>(ROUTES.keySet())).isEqualTo(templates);
    }

    @ParameterizedTest
    @EnumSource(Actor.class)
    void no_screen_shows_another_projects_data_and_a_foreign_id_shows_what_a_missing_one_shows(Actor actor) {
        World world = fixture.world();
        login(actor, world);
        Ids foreign = world.g().ids();
        Ids missing = fixture.missing();
        Set<String> forbidden = actor == Actor.PROJECT_ADMIN || actor == Actor.ACCOUNT_MANAGER
                ? Set.of(world.g().marker()) : Set.of(world.a().marker(), world.g().marker());
        String before = fixture.snapshot(world.g().project());
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Function<Ids, String>> route : ROUTES.entrySet()) {
            String shown = open(route.getValue().apply(foreign));
            // the platform admin's own screen lists every project and person of the installation, by design
            boolean platformAdminAtHome = actor == Actor.PLATFORM_ADMIN
                    && shown.startsWith("view: AdministrationView");
            for (String marker : forbidden) {
                if (!platformAdminAtHome && shown.contains(marker)) {
                    failures.add(actor + " /" + route.getKey() + " showed data of " + marker + ":\n" + shown);
                }
            }
            if (WITH_IDS.contains(route.getKey())) {
                String a = Outcomes.withoutIds(shown, foreign.asText());
                String b = Outcomes.withoutIds(open(route.getValue().apply(missing)), missing.asText());
                if (!a.equals(b)) {
                    failures.add(actor + " /" + route.getKey() + ": another project's ids showed\n" + a
                            + "\n  but missing ids showed\n" + b);
                }
            }
        }
        assertThat(fixture.snapshot(world.g().project())).as("project G after " + actor + " opened every screen")
                .isEqualTo(before);
        assertThat(failures).isEmpty();
    }

    @Test
    void the_rightful_people_do_see_their_projects_data_on_the_same_screens() {
        World world = fixture.world();
        String a = world.a().marker();
        login(Actor.PROJECT_ADMIN, world);
        for (String url : List.of("pools", "cards", "api-tokens", "imports", "imports/" + world.a().job().value())) {
            assertThat(open(url)).as(url).contains(a);
        }
        logout();
        login(Actor.ACCOUNT_MANAGER, world);
        assertThat(open("audit")).contains(a);
    }

    private void login(Actor actor, World world) {
        switch (actor) {
            case ANONYMOUS -> logout();
            case PLATFORM_ADMIN -> login(world.platformAdminUsername());
            case PROJECT_ADMIN -> {
                login(world.a().adminUsername());
                current.switchTo(world.a().project());
            }
            case ACCOUNT_MANAGER -> {
                login(world.managerUsername());
                current.switchTo(world.a().project());
            }
        }
    }

    /**
     * Navigates to {@code url} and describes what the screen shows. Karibu turns a refused navigation into an
     * exception (a browser would show the access denied page): that refusal is what is shown.
     */
    private static String open(String url) {
        UI ui = UI.getCurrent();
        try {
            ui.navigate(url);
        } catch (RuntimeException | MockAccessDeniedException e) {
            return "navigation refused: " + Outcomes.describe(e);
        }
        StringBuilder shown = new StringBuilder();
        shown.append("view: ").append(ui.getInternals().getActiveRouterTargetsChain().stream()
                .map(t -> t.getClass().getSimpleName()).collect(Collectors.joining(" < "))).append('\n');
        shown.append("tree:\n").append(PrettyPrintTreeKt.toPrettyTree(ui)).append('\n');
        components(ui).forEach(component -> {
            if (component instanceof Grid<?> grid) {
                shown.append("grid: ").append(Outcomes.describe(GridKt._findAll(grid))).append('\n');
                for (int row = 0; row < Math.min(GridKt._size(grid), 50); row++) {
                    shown.append("  row: ").append(GridKt._getFormattedRow(grid, row)).append('\n');
                }
            } else if (component instanceof ComboBox<?> comboBox) {
                shown.append("choices: ").append(ComboBoxKt.getSuggestions(comboBox)).append(' ')
                        .append(Outcomes.describe(ComboBoxKt.getSuggestionItems(comboBox))).append('\n');
            } else if (component instanceof Select<?> select) {
                shown.append("choices: ").append(ComboBoxKt.getSuggestions(select)).append(' ')
                        .append(Outcomes.describe(ComboBoxKt.getSuggestionItems(select))).append('\n');
            }
        });
        return shown.toString();
    }

    private static Stream<Component> components(HasElement root) {
        Component component = (Component) root;
        return Stream.concat(Stream.of(component), component.getChildren().flatMap(RouteAccessMatrixTest::components));
    }
}
