package com.giftcardimport.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A browser that opens an address the security rules refuse — in practice an address that is no page of the
 * application, which the screens' rules refuse before any screen is looked up — gets a page that says so, instead of
 * an empty 403 that the browser shows as its own bare error page (SPEC §10).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class RefusedPageFilter extends OncePerRequestFilter {

    static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Page not found · Gift Card Import</title>
            <link rel="stylesheet" href="/styles.css"></head>
            <body class="gci-error-page"><h2>Page not found</h2>
            <p>There is no page at this address, or it is not open to you.</p>
            <p><a href="/">Go to the start page</a></p></body></html>
            """;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (!"GET".equals(request.getMethod()) || accept == null || !accept.contains("text/html")) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void sendError(int status) throws IOException {
                sendError(status, null);
            }

            @Override
            public void sendError(int status, String message) throws IOException {
                if (status != SC_FORBIDDEN || isCommitted()) {
                    super.sendError(status, message);
                    return;
                }
                setStatus(SC_FORBIDDEN);
                setContentType("text/html;charset=UTF-8");
                getWriter().write(PAGE);
                flushBuffer();
            }
        });
    }
}
