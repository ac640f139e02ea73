package com.giftcardimport;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The feature boundaries of STYLE.md, checked with Spring Modulith: every top-level package is a module whose
 * public face is the types of its own package (plus types a module exposes by {@code @NamedInterface});
 * sub-packages ({@code ui}, {@code job}, {@code file}, …) are internal. No exemption: every module, the import engine
 * and the HTTP API included.
 */
class ModuleStructureTest {

    static final ApplicationModules MODULES = ApplicationModules.of(Application.class);

    @Test
    void every_module_uses_the_others_only_through_their_public_types_and_none_depend_on_each_other_in_a_cycle() {
        MODULES.verify();
    }

    /** Writes the module diagrams and canvases into {@code docs/modules} (see {@code docs/architecture.md}). */
    @Test
    void the_module_documentation_is_written_from_the_code() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules")).writeDocumentation();
    }
}
