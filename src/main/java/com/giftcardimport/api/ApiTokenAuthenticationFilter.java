package com.giftcardimport.api;

import com.giftcardimport.security.LoginThrottle;
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
 * revoked or whose creator is no longer an admin of its project, is answered 401 at once. Unknown tokens are counted
 * per address ({@link LoginThrottle}): past the limit, the address gets 429 for a while, whatever token it sends.
 */
final class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "bearer ";

    private final ApiTokenService tokens;
    private final AuthenticationEntryPoint entryPoint;
    private final Supplier<SecurityContextHolderStrategy> strategy;
    private final SecurityContextRepository repository = new RequestAttributeSecurityContextRepository();
    private final LoginThrottle throttle;

    /**
     * @param strategy the security context strategy of this application context (Vaadin's, when it has one), asked
     *                 on every request: the global {@link SecurityContextHolder} strategy is set by whichever
     *                 application context started last, which is not always this one (several in one test JVM)
     */
    ApiTokenAuthenticationFilter(ApiTokenService tokens, AuthenticationEntryPoint entryPoint,
                                 Supplier<SecurityContextHolderStrategy> strategy, LoginThrottle throttle) {
        this.tokens = tokens;
        this.throttle = throttle;
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
        String address = request.getRemoteAddr();
        if (!throttle.tryAttempt(LoginThrottle.Kind.TOKEN_ADDRESS, address)) {
            response.setStatus(429);
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"title\":\"Too Many Requests\",\"status\":429,\"detail\":\"Too many "
                    + "requests with an unknown API token from this address: try again later\"}");
            return;
        }
        var principal = tokens.authenticate(secret);
        if (principal.isPresent()) {
            throttle.giveBack(LoginThrottle.Kind.TOKEN_ADDRESS, address);
        }
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
