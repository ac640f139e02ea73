package com.giftcardimport.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}): only the
 * {@code /api/**} endpoints, all behind a bearer API token.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String SCHEME = "apiToken";

    /** @param serverUrl {@code app.api.server-url}: the document names this server, never the request's Host */
    @Bean
    OpenAPI giftCardImportOpenApi(@Value("${app.api.server-url:/}") String serverUrl) {
        return new OpenAPI()
                .servers(List.of(new Server().url(serverUrl)))
                .info(new Info().title("Gift Card Import API").version("v1")
                        .description("Pools and gift card imports of one project, for automation. Every call "
                                + "needs an API token of the project (created by a project admin on the "
                                + "'API tokens' screen), sent as 'Authorization: Bearer <token>'. Errors are "
                                + "RFC 9457 problem details."))
                .components(new Components().addSecuritySchemes(SCHEME, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("gci_…")
                        .description("An API token of the project; the token's project is the only project it "
                                + "reaches.")))
                .addSecurityItem(new SecurityRequirement().addList(SCHEME));
    }

    /** Only the HTTP API is described, not other endpoints the application may serve to its own screens. */
    @Bean
    OpenApiCustomizer onlyTheHttpApi() {
        return openApi -> {
            if (openApi.getPaths() != null) {
                openApi.getPaths().keySet().removeIf(path -> !path.startsWith("/api/"));
            }
        };
    }
}
