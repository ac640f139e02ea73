package com.giftcardimport;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violation;

/**
 * The feature boundaries of STYLE.md, checked with Spring Modulith: every top-level package is a module whose
 * public face is the types of its own package; sub-packages ({@code ui}, {@code db}, …) are internal.
 *
 * <p>Two checks, because the import engine ({@code importing}, and the HTTP API in {@code api} that drives it) is
 * being built in parallel and plans sub-packages such as {@code importing.job} whose services other modules will
 * call. Those would count as "internal" until the engine declares them ({@code @NamedInterface} on the package, or
 * the application service moved to {@code importing} itself):
 * <ul>
 *   <li>the foundation modules ({@code base}, {@code security}, {@code project}, {@code pool}, {@code card}) are
 *       verified fully: no cycles, no use of another module's internals;</li>
 *   <li>the whole application, engine included, is verified to have no cycle between modules.</li>
 * </ul>
 * Once the engine has settled, replace both with {@code ApplicationModules.of(Application.class).verify()}.
 */
class ModuleStructureTest {

    private static final DescribedPredicate<JavaClass> ENGINE = DescribedPredicate.describe(
            "the import engine and the HTTP API",
            c -> c.getPackageName().startsWith("com.giftcardimport.importing")
                    || c.getPackageName().startsWith("com.giftcardimport.api"));

    @Test
    void the_foundation_modules_use_each_other_only_through_their_public_types_and_have_no_cycles() {
        ApplicationModules.of(Application.class, ENGINE).verify();
    }

    @Test
    void no_modules_of_the_whole_application_depend_on_each_other_in_a_cycle() {
        ApplicationModules.of(Application.class).detectViolations()
                .filter(ModuleStructureTest::isCycle)
                .throwIfPresent();
    }

    private static boolean isCycle(Violation violation) {
        return violation.hasMessageContaining("Cycle detected");
    }
}
