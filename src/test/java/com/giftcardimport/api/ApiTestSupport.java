package com.giftcardimport.api;

import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** What tests outside this package need of API tokens: secrets, their stored form, and a token "login". */
public final class ApiTestSupport {

    private ApiTestSupport() {
    }

    public static String newSecret() {
        return ApiTokenSecrets.generate();
    }

    public static String hash(String secret) {
        return ApiTokenSecrets.hash(secret);
    }

    public static String visiblePrefix(String secret) {
        return ApiTokenSecrets.visiblePrefix(secret);
    }

    /**
     * Authenticates {@code secret} exactly as the API's filter does and makes it the current thread's principal, so
     * that services see the token's project as the current one.
     *
     * @throws IllegalArgumentException when the token does not authenticate
     */
    public static void loginWithToken(ApplicationContext context, String secret) {
        ApiTokenPrincipal principal = context.getBean(ApiTokenService.class).authenticate(secret)
                .orElseThrow(() -> new IllegalArgumentException("The token does not authenticate"));
        SecurityContext security = SecurityContextHolder.createEmptyContext();
        security.setAuthentication(new ApiTokenAuthentication(principal));
        SecurityContextHolder.setContext(security);
    }
}
