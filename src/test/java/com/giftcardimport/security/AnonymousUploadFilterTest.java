package com.giftcardimport.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.giftcardimport.base.RawHttp;
import jakarta.servlet.FilterChain;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.context.ActiveProfiles;

/**
 * An anonymous client cannot make the server read a multipart body into temporary files by posting it to a screen
 * URL: it is refused before the body is read, under the default upload limit of 2 GB.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AnonymousUploadFilterTest {

    static final long BODY = 64L << 20;

    @LocalServerPort
    int port;

    @Test
    void an_anonymous_multipart_post_to_a_screen_is_refused_and_cut_off_long_before_its_end() throws Exception {
        for (String path : new String[] {"/", "/login", "/VAADIN/dynamic/resource/1/x/upload"}) {
            RawHttp.Response response = RawHttp.send(port, RawHttp.multipartHead(path, "Transfer-Encoding: chunked\r\n"),
                    "a", "row\n", BODY, true);

            assertThat(response.status()).as(path + ": " + response).isEqualTo(401);
            assertThat(response.body()).isEqualTo("Log in to upload files\n");
            assertThat(response.bytesSent()).as(path + ": " + response).isLessThan(BODY / 4);
        }
    }

    @Test
    void a_logged_in_session_and_the_api_pass_and_so_does_anything_that_is_not_multipart() throws Exception {
        AnonymousUploadFilter filter = new AnonymousUploadFilter();

        MockHttpServletRequest loggedIn = multipart("/");
        loggedIn.getSession(true).setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
                new SecurityContextImpl(new TestingAuthenticationToken("alice", null, "ROLE_USER")));
        assertThat(passes(filter, loggedIn)).isTrue();
        assertThat(passes(filter, multipart("/api/v1/imports"))).isTrue();
        MockHttpServletRequest form = new MockHttpServletRequest("POST", "/login");
        form.setContentType("application/x-www-form-urlencoded");
        assertThat(passes(filter, form)).isTrue();
        assertThat(passes(filter, multipart("/"))).isFalse();
    }

    private static MockHttpServletRequest multipart(String uri) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", uri);
        request.setContentType("multipart/form-data; boundary=x");
        request.setContent("--x\r\n".getBytes());
        return request;
    }

    private static boolean passes(AnonymousUploadFilter filter, MockHttpServletRequest request)
            throws IOException, jakarta.servlet.ServletException {
        AtomicBoolean passed = new AtomicBoolean();
        FilterChain chain = (req, res) -> passed.set(true);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, chain);
        assertThat(response.getStatus()).isEqualTo(passed.get() ? 200 : 401);
        return passed.get();
    }
}
