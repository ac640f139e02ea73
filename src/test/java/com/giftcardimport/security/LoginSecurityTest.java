package com.giftcardimport.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.giftcardimport.base.TestLogins;
import com.giftcardimport.base.db.OwnerJdbc;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

/**
 * SPEC §10, logins, over real HTTP (form login at a random port): failures per account and per address are slowed
 * down and then refused for a while, the right password included; every attempt is recorded; a disabled person can
 * neither log in nor use the session they had; people change their own password. The window is 20 s here (15 minutes
 * by default), and an address's most failures per window equal its burst, so that an address that spent them stays
 * refused until the window ends, however the burst's tokens trickle back (one a second here). Each test comes from its own address (X-Forwarded-For, honoured from the loopback proxy).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "app.login.window=20s", "app.login.account.burst=5", "app.login.account.max=10",
        "app.login.address.burst=20", "app.login.address.max=20"})
@ActiveProfiles("test")
class LoginSecurityTest {

    static final String PASSWORD = "the right password";
    static final AtomicInteger ADDRESSES = new AtomicInteger((int) (System.nanoTime() % 10_000));

    @LocalServerPort
    int port;
    @Autowired
    OwnerJdbc jdbc;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    AdministrationService administration;
    @Autowired
    AccountService account;
    @Autowired
    UserDetailsService userDetails;

    @AfterEach
    void logout() {
        TestLogins.logout();
    }

    @Test
    void fifty_wrong_passwords_in_a_row_are_refused_after_the_threshold_and_then_the_right_one_too_until_the_window_passes() {
        String user = newUser();
        String address = newAddress();

        List<String> answers = IntStream.range(0, 50).mapToObj(i -> logIn(user, "wrong " + i, address)).toList();

        assertThat(answers).containsOnly("/login?error");
        Map<String, Long> outcomes = outcomes(user);
        assertThat(outcomes.get("BAD_CREDENTIALS")).as("%s", outcomes).isBetween(5L, 10L);
        assertThat(outcomes.get("THROTTLED")).as("%s", outcomes).isGreaterThanOrEqualTo(40L);
        assertThat(outcomes.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(50);

        assertThat(logIn(user, PASSWORD, address)).as("the right password, within the window").isEqualTo("/login?error");
        assertThat(lastOutcome(user)).isEqualTo("THROTTLED");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2))
                .until(() -> logIn(user, PASSWORD, address).equals("/"));
        assertThat(lastOutcome(user)).isEqualTo("SUCCEEDED");
    }

    @Test
    void fifty_wrong_passwords_in_parallel_get_no_more_tries_than_in_a_row() throws Exception {
        String user = newUser();
        String address = newAddress();
        List<Callable<String>> attempts = IntStream.range(0, 50)
                .mapToObj(i -> (Callable<String>) () -> logIn(user, "wrong " + i, address)).toList();

        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (var answer : pool.invokeAll(attempts)) {
                assertThat(answer.get()).isEqualTo("/login?error");
            }
        }

        Map<String, Long> outcomes = outcomes(user);
        assertThat(outcomes.get("BAD_CREDENTIALS")).as("%s", outcomes).isLessThanOrEqualTo(10L);
        assertThat(outcomes.get("THROTTLED")).as("%s", outcomes).isGreaterThanOrEqualTo(40L);
        assertThat(logIn(user, PASSWORD, address)).isEqualTo("/login?error");
    }

    @Test
    void failures_from_one_address_across_many_accounts_are_refused_after_the_address_threshold() {
        String address = newAddress();
        List<String> users = IntStream.range(0, 40).mapToObj(i -> "nobody-" + UUID.randomUUID()).toList();
        users.forEach(user -> logIn(user, "wrong", address));
        String real = newUser();

        assertThat(logIn(real, PASSWORD, address)).as("the right password from that address").isEqualTo("/login?error");
        assertThat(lastOutcome(real)).isEqualTo("THROTTLED");
        assertThat(logIn(real, PASSWORD, newAddress())).as("from another address").isEqualTo("/");
        assertThat(jdbc.sql("select count(*) from login_attempt where address = ?").param(address)
                .query(Long.class).single()).isEqualTo(41);
    }

    @Test
    void every_attempt_is_recorded_with_the_name_as_typed_the_address_and_the_outcome_and_listed_for_platform_admins() {
        String user = newUser();
        String address = newAddress();
        logIn(user.toUpperCase(), "wrong", address);
        logIn(user, PASSWORD, address);

        TestLogins.login(userDetails, "root");
        List<LoginAttempt> listed = administration.loginAttempts(1000).stream()
                .filter(a -> a.address().equals(address)).toList();

        assertThat(listed).extracting(LoginAttempt::username, LoginAttempt::outcome).containsExactly(
                tuple(user, LoginAttempt.Outcome.SUCCEEDED), tuple(user.toUpperCase(), LoginAttempt.Outcome.BAD_CREDENTIALS));
        TestLogins.login(userDetails, "alice");
        assertThatThrownBy(() -> administration.loginAttempts(10)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_disabled_person_cannot_log_in_nor_use_the_session_they_had_until_enabled_again() throws Exception {
        String user = newUser();
        String address = newAddress();
        HttpClient browser = browser();
        assertThat(logIn(browser, user, PASSWORD, address)).isEqualTo("/");
        assertThat(get(browser, "/account").statusCode()).isEqualTo(200);

        TestLogins.login(userDetails, "root");
        administration.setEnabled(userId(user), false);

        HttpResponse<String> afterwards = get(browser, "/account");
        assertThat(afterwards.statusCode()).isEqualTo(302);
        assertThat(afterwards.headers().firstValue("Location").orElse("")).endsWith("/login");
        assertThat(get(browser, "/account").statusCode()).as("the session is gone").isEqualTo(302);
        assertThat(logIn(user, PASSWORD, address)).isEqualTo("/login?error");
        assertThat(lastOutcome(user)).isEqualTo("DISABLED");
        assertThatThrownBy(() -> administration.setEnabled(userId("root"), false))
                .hasMessageContaining("cannot disable yourself");

        administration.setEnabled(userId(user), true);
        assertThat(logIn(user, PASSWORD, address)).isEqualTo("/");
    }

    @Test
    void a_person_changes_their_own_password_after_giving_the_current_one_and_the_policy_holds() {
        String user = newUser();
        TestLogins.login(userDetails, user);

        assertThatThrownBy(() -> account.changePassword("not it", "a brand new secret"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> account.changePassword(PASSWORD, "short"))
                .hasMessage("Password: at least 10 characters");
        assertThatThrownBy(() -> account.changePassword(PASSWORD, "x" + user + "x"))
                .hasMessage("Password: must not contain the user name");
        assertThatThrownBy(() -> account.changePassword(PASSWORD, "password123"))
                .hasMessageContaining("too common");
        assertThatThrownBy(() -> account.changePassword(PASSWORD, "aaaaaaaaaaaa"))
                .hasMessageContaining("too repetitive");
        account.changePassword(PASSWORD, "a brand new secret");

        String address = newAddress();
        assertThat(logIn(user, PASSWORD, address)).isEqualTo("/login?error");
        assertThat(logIn(user, "a brand new secret", address)).isEqualTo("/");
    }

    // ------------------------------------------------------------------ HTTP

    /** Posts the login form; returns where the server sends the browser ({@code /} or {@code /login?error}). */
    private String logIn(String username, String password, String address) {
        return logIn(browser(), username, password, address);
    }

    private String logIn(HttpClient browser, String username, String password, String address) {
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        try {
            HttpResponse<String> response = browser.send(HttpRequest.newBuilder(uri("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-Forwarded-For", address)
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(302);
            return URI.create(response.headers().firstValue("Location").orElseThrow()).getRawPath()
                    + (response.headers().firstValue("Location").orElseThrow().contains("?error") ? "?error" : "");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> get(HttpClient browser, String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    // ------------------------------------------------------------------ data

    private String newUser() {
        String username = "login-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("insert into app_user (username, display_name, password_hash) values (?, ?, ?)")
                .params(username, "Login test", encoder.encode(PASSWORD)).update();
        return username;
    }

    /** An address of the documentation range, a new one each time. */
    private static String newAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "198.51." + (n / 250) + "." + (n % 250 + 1);
    }

    private UserId userId(String username) {
        return new UserId(jdbc.sql("select id from app_user where username = ?").param(username)
                .query(Long.class).single());
    }

    private Map<String, Long> outcomes(String user) {
        return jdbc.sql("select outcome from login_attempt where lower(username) = lower(?)").param(user)
                .query(String.class).list().stream()
                .collect(Collectors.groupingBy(o -> o, Collectors.counting()));
    }

    private String lastOutcome(String user) {
        return jdbc.sql("select outcome from login_attempt where lower(username) = lower(?) order by id desc limit 1")
                .param(user).query(String.class).single();
    }
}
