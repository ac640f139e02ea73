package com.giftcardimport.base;

import org.springframework.core.Ordered;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Before every test, makes the security context strategy of the test's own Spring context the global one.
 * <p>
 * Several Spring contexts live in one test JVM (the test framework caches them), and each installs its own
 * Vaadin-aware strategy, with its own thread-local, as the global {@link SecurityContextHolder} strategy when it
 * starts. The security filters and method security of a context use that context's strategy bean, while code that
 * asks {@link SecurityContextHolder} (the API token filter, {@code CurrentTenant}) gets the global one: after another
 * context started, a cached context would put a request's authentication where its own filters never look, and
 * answer 401. In production there is one context, and both are the same. Registered in
 * {@code META-INF/spring.factories}.
 */
public class ContextSecurityStrategy implements TestExecutionListener, Ordered {

    @Override
    public void beforeTestMethod(TestContext testContext) {
        if (testContext.hasApplicationContext()) {
            testContext.getApplicationContext().getBeanProvider(SecurityContextHolderStrategy.class)
                    .ifAvailable(SecurityContextHolder::setContextHolderStrategy);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
