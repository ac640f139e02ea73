package com.giftcardimport.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>}. A request without the header goes on anonymous (and is
 * refused by the authorization rules with 401); a header that is not a bearer token, or a token that is unknown,
 * revoked or whose creator is no longer an admin of its project, is answered 401 at once.
 */
final class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "bearer ";

    private final ApiTokenService tokens;
    private final AuthenticationEntryPoint entryPoint;
    private final Supplier<SecurityContextHolderStrategy> strategy;
    private final SecurityContextRepository repository = new RequestAttributeSecurityContextRepository();

    /**
     * @param strategy the security context strategy of this application context (Vaadin's, when it has one), asked
     *                 on every request: the global {@link SecurityContextHolder} strategy is set by whichever
     *                 application context started last, which is not always this one (several in one test JVM)
     */
    ApiTokenAuthenticationFilter(ApiTokenService tokens, AuthenticationEntryPoint entryPoint,
                                 Supplier<SecurityContextHolderStrategy> strategy) {
        this.tokens = tokens;
        this.entryPoint = entryPoint;
        this.strategy = strategy;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            chain.doFilter(request, response);
            return;
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            entryPoint.commence(request, response,
                    new BadCredentialsException("Send the API token as 'Authorization: Bearer <token>'"));
            return;
        }
        String secret = header.substring(BEARER.length()).strip();
        var principal = tokens.authenticate(secret);
        if (principal.isEmpty()) {
            entryPoint.commence(request, response,
                    new BadCredentialsException("The API token is unknown or has been revoked"));
            return;
        }
        // Asked on every request: Vaadin's strategy bean is made after this filter.
        SecurityContextHolderStrategy contexts = strategy.get();
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(new ApiTokenAuthentication(principal.get()));
        contexts.setContext(context);
        repository.saveContext(context, request, response);
        try {
            chain.doFilter(request, response);
        } finally {
            contexts.clearContext();
        }
    }
}
