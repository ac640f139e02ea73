package com.giftcardimport.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.giftcardimport.isolation.AccessMatrixFixture.Ids;
import com.giftcardimport.isolation.AccessMatrixFixture.Side;
import com.giftcardimport.isolation.AccessMatrixFixture.World;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of the HTTP API, over real HTTP, for nobody and for the API tokens of two projects, each against
 * the other project's ids and against ids that exist nowhere: same status and same body (ids aside), none of the
 * other project's data in it, nothing of the other project changed. The endpoints come from Spring MVC's handler
 * mapping, so a new endpoint without a declared probe fails {@link #every_endpoint_has_a_declared_probe}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ApiAccessMatrixTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String ECHOES_THE_CALLERS_INPUT = "POST /api/v1/imports";

    enum Actor { ANONYMOUS, TOKEN_OF_A, TOKEN_OF_G }

    /** A request built from ids; {@code ids} is false for a request that names nothing of another project. */
    record Probe(boolean ids, Function<Ids, Answer> call) {
    }

    record Answer(int status, String contentType, String body) {
        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    AccessMatrixFixture fixture;

    private String token;

    private Map<String, Probe> probes() {
        Map<String, Probe> p = new LinkedHashMap<>();
        p.put("GET /api/v1/pools", new Probe(false, id -> get("/api/v1/pools")));
        p.put("GET /api/v1/pools/{id}", new Probe(true, id -> get("/api/v1/pools/" + id.pool().value())));
        p.put("POST /api/v1/pools", new Probe(false, id -> postJson("/api/v1/pools",
                "{\"systemName\":\"matrix-" + unique() + "\",\"name\":\"Matrix\",\"valueType\":\"ARBITRARY\"}")));
        p.put("GET /api/v1/imports", new Probe(false, id -> get("/api/v1/imports?size=500")));
        p.put("POST /api/v1/imports", new Probe(true, id -> importReferringTo(id.poolSystemName())));
        p.put("GET /api/v1/imports/{id}", new Probe(true, id -> get("/api/v1/imports/" + id.job().value())));
        p.put("POST /api/v1/imports/{id}/cancel",
                new Probe(true, id -> post("/api/v1/imports/" + id.job().value() + "/cancel")));
        p.put("POST /api/v1/imports/{id}/undo",
                new Probe(true, id -> post("/api/v1/imports/" + id.job().value() + "/undo")));
        p.put("GET /api/v1/imports/{id}/undo/kept-cards",
                new Probe(true, id -> get("/api/v1/imports/" + id.job().value() + "/undo/kept-cards")));
        p.put("GET /api/v1/imports/{id}/errors",
                new Probe(true, id -> get("/api/v1/imports/" + id.job().value() + "/errors")));
        p.put("GET /api/v1/imports/{id}/error-report",
                new Probe(true, id -> get("/api/v1/imports/" + id.job().value() + "/error-report")));
        return p;
    }

    @Test
    void every_endpoint_has_a_declared_probe() {
        assertThat(new TreeSet<>(probes().keySet())).isEqualTo(endpoints());
    }

    @Test
    void every_caller_gets_the_same_answer_for_another_projects_ids_as_for_missing_ones_sees_none_of_it_and_changes_none_of_it() {
        World world = fixture.world();
        List<String> failures = new ArrayList<>();
        for (Actor actor : Actor.values()) {
            token = switch (actor) {
                case ANONYMOUS -> null;
                case TOKEN_OF_A -> world.a().tokenSecret();
                case TOKEN_OF_G -> world.g().tokenSecret();
            };
            Side foreign = actor == Actor.TOKEN_OF_G ? world.a() : world.g();
            Set<String> forbidden = actor == Actor.ANONYMOUS ? Set.of(world.a().marker(), world.g().marker())
                    : Set.of(foreign.marker());
            String before = fixture.snapshot(foreign.project());
            for (Map.Entry<String, Probe> entry : probes().entrySet()) {
                String name = entry.getKey();
                Probe probe = entry.getValue();
                Answer foreignAnswer = probe.call().apply(foreign.ids());
                for (String marker : forbidden) {
                    // an import's row errors quote the pool name the caller sent: its own input, not a leak
                    if (!name.equals(ECHOES_THE_CALLERS_INPUT) && foreignAnswer.body().contains(marker)) {
                        failures.add(actor + " " + name + " showed data of " + marker + ": " + foreignAnswer);
                    }
                }
                if (probe.ids()) {
                    Ids missing = fixture.missing();
                    Answer missingAnswer = probe.call().apply(missing);
                    String a = comparable(foreignAnswer, foreign.ids());
                    String b = comparable(missingAnswer, missing);
                    if (!a.equals(b)) {
                        failures.add(actor + " " + name + ": another project's ids answered\n    " + a
                                + "\n  but missing ids answered\n    " + b);
                    }
                }
            }
            String after = fixture.snapshot(foreign.project());
            if (!after.equals(before)) {
                failures.add(actor + " changed project " + foreign.marker() + ":\nbefore " + before + "\nafter  " + after);
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void a_token_does_see_its_own_projects_data_through_the_same_requests() {
        World world = fixture.world();
        token = world.g().tokenSecret();
        assertThat(get("/api/v1/pools").body()).contains(world.g().poolSystemName());
        assertThat(get("/api/v1/imports/" + world.g().job().value()).body()).contains(world.g().marker());
        assertThat(get("/api/v1/imports/" + world.g().job().value() + "/errors").body()).contains(world.g().marker());
        assertThat(get("/api/v1/imports/" + world.g().job().value() + "/error-report").body())
                .contains(world.g().marker());
    }

    /**
     * An import of one row naming {@code pool}, followed to its end: for another project's pool the row must fail
     * exactly as for a pool that exists nowhere. The answer is the job's end and its errors (the job's own id, file
     * id and times left out).
     */
    private Answer importReferringTo(String pool) {
        String csv = "Card,Pool,Balance\nM-" + unique() + "," + pool + ",5\n";
        String boundary = "----matrix" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"matrix.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        Answer created = send(request("/api/v1/imports")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(created.body());
        if (created.status() != 201 || !id.find()) {
            return created;
        }
        String job = id.group(1);
        Answer state = await("the end of import " + job).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50)).until(() -> get("/api/v1/imports/" + job), answer -> answer.body()
                        .matches("(?s).*\"status\"\\s*:\\s*\"(COMPLETED|COMPLETED_WITH_ERRORS|FAILED|CANCELLED)\".*"));
        String status = state.body().replaceAll("(?s).*\"status\"\\s*:\\s*\"([A-Z_]+)\".*", "$1");
        String errors = get("/api/v1/imports/" + job + "/errors").body();
        return new Answer(created.status(), created.contentType(), status + " " + errors);
    }

    private static String comparable(Answer answer, Ids ids) {
        return Outcomes.withoutIds(answer.toString(), ids.asText());
    }

    private Set<String> endpoints() {
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
                if (!entry.getValue().getBeanType().getPackageName().startsWith("com.giftcardimport")) {
                    continue;
                }
                for (var method : entry.getKey().getMethodsCondition().getMethods()) {
                    for (String pattern : entry.getKey().getPatternValues()) {
                        endpoints.add(method + " " + pattern);
                    }
                }
            }
        }
        return endpoints;
    }

    private Answer get(String path) {
        return send(request(path).GET());
    }

    private Answer post(String path) {
        return send(request(path).POST(HttpRequest.BodyPublishers.noBody()));
    }

    private Answer postJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private static Answer send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = HTTP.send(builder.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
