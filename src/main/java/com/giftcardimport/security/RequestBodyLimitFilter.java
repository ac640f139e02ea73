package com.giftcardimport.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first filter of every request, before anything may read its body (SPEC §10):
 * <ol>
 *   <li>a path that is not in canonical form — dot segments ({@code /api/../login}), encoded dots, slashes,
 *       backslashes or percent signs ({@code %2e}, {@code %2f}, {@code %5c}, {@code %25}), path parameters
 *       ({@code ;}), empty segments — is refused with 400 and the connection closed, unread: the servlet container
 *       would map it to another path than the one the security rules saw;</li>
 *   <li>every request body gets a limit, by who sends it: {@value #ANONYMOUS_LIMIT_TEXT} when nobody is logged in
 *       (no login session; for the HTTP API, no bearer token, which the API checks before reading anything);
 *       {@code app.request.max-body} (1 MB) for a logged-in request that is not an upload; the upload limit plus
 *       1 MB of multipart framing for the two upload URLs. A {@code Content-Length} over the limit is refused with
 *       413 before any byte is read; a body that passes it while read (chunked) ends the read with an error. A
 *       client that is not logged in must announce its length (411 otherwise).</li>
 * </ol>
 * What the server reads of a refused body is bounded by {@code server.tomcat.max-swallow-size} (a few KB).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestBodyLimitFilter extends OncePerRequestFilter {

    static final long ANONYMOUS_LIMIT = 8 * 1024;
    static final String ANONYMOUS_LIMIT_TEXT = "8 KB";
    static final long MULTIPART_FRAMING = 1024 * 1024;

    /** Encoded '.', '/', '\', '%' and NUL, path parameters, backslashes, empty, '.' and '..' segments. */
    private static final Pattern NOT_CANONICAL = Pattern.compile(
            "(?i).*(%2e|%2f|%5c|%25|%00|;|\\\\|//|/\\.\\.?(/|$)).*");

    private final long uploadLimit;
    private final long loggedInLimit;

    RequestBodyLimitFilter(@Value("${app.upload.max-size:2GB}") DataSize uploadLimit,
                           @Value("${app.request.max-body:1MB}") DataSize loggedInLimit) {
        this.uploadLimit = uploadLimit.toBytes() + MULTIPART_FRAMING;
        this.loggedInLimit = loggedInLimit.toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (NOT_CANONICAL.matcher(request.getRequestURI()).matches()) {
            refuse(response, HttpServletResponse.SC_BAD_REQUEST, "The path is not in canonical form\n");
            return;
        }
        long limit = limitFor(request, path);
        long announced = request.getContentLengthLong();
        if (limit == ANONYMOUS_LIMIT && announced < 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
            // the servlet container parses parameters and multipart bodies itself, unseen by any wrapper: only an
            // announced length bounds what it reads (browsers always announce it)
            refuse(response, HttpServletResponse.SC_LENGTH_REQUIRED, "Log in to send a body without a length\n");
            return;
        }
        if (announced > limit) {
            refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                    "The request body is larger than this request may send (" + DataSize.ofBytes(limit).toKilobytes()
                            + " KB)\n");
            return;
        }
        chain.doFilter(new LimitedBodyRequest(request, limit), response);
    }

    private long limitFor(HttpServletRequest request, String path) {
        boolean api = path.startsWith("/api/");
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        boolean bearer = api && authorization != null
                && authorization.regionMatches(true, 0, "bearer ", 0, "bearer ".length());
        boolean loggedIn = !api && hasLoginSession(request);
        if (!bearer && !loggedIn) {
            return ANONYMOUS_LIMIT;
        }
        boolean upload = "POST".equals(request.getMethod())
                && (path.equals("/api/v1/imports") || loggedIn && path.startsWith("/VAADIN/dynamic/resource/"));
        return upload ? uploadLimit : loggedInLimit;
    }

    private static boolean hasLoginSession(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null
                && session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
                instanceof SecurityContext context
                && context.getAuthentication() != null && context.getAuthentication().isAuthenticated();
    }

    private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setHeader(HttpHeaders.CONNECTION, "close");
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(message);
    }

    /** A request whose body stream fails once more than {@code limit} bytes were read from it. */
    private static final class LimitedBodyRequest extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        LimitedBodyRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), limit);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding)));
        }
    }

    private static final class LimitedStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long read;

        LimitedStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, (int) Math.min(length, limit - read + 1));
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > limit) {
                throw new IOException("The request body is larger than this request may send ("
                        + String.format(Locale.ROOT, "%d bytes", limit) + ")");
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
