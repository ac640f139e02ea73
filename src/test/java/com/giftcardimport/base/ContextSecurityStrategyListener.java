package com.giftcardimport.base;

import org.springframework.core.Ordered;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Before every test method of every Spring test: makes the test's own application context's security context
 * strategy the global one. Several contexts live in one test JVM and each installs its own (Vaadin-aware) strategy
 * globally when it starts, each with its own thread-local; without this, a test whose context started earlier would
 * log people in (and its server would authenticate requests) in another context's strategy than the one its
 * services read. Registered in {@code META-INF/spring.factories}.
 */
public class ContextSecurityStrategyListener implements TestExecutionListener, Ordered {

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
