package com.giftcardimport.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a {@code multipart/*} request to the screens from someone who is not logged in, before anything reads its
 * body. Without it, the security chain of the screens (which saves a refused request to replay it after the login)
 * asks for the request's parameters, and the servlet container then reads the whole multipart body, up to the upload
 * limit, into temporary files: any anonymous client could make the server write gigabytes to disk per request.
 * <p>
 * The screens never send multipart themselves (the wizard uploads the raw file, and only when logged in); the HTTP
 * API ({@code /api/**}) is left to its own chain, which checks the token before its controller reads any part.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1)
class AnonymousUploadFilter extends OncePerRequestFilter {

    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String contentType = request.getContentType();
        return contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")
                || request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (sessions.containsContext(request)) {
            chain.doFilter(request, response);
            return;
        }
        // answered here, not through the error page, whose dispatch would run the security chain over the body again
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("Connection", "close");
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write("Log in to upload files\n");
    }
}
