package org.usermodels.platform.autoconfigure;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.Map;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.usermodels.platform.openapi.ApiContract;
import org.usermodels.platform.openapi.RecordedExamples;
import org.usermodels.platform.tenancy.TenantRef;

/**
 * The OpenAPI 3.1 description every service publishes at {@code /v3/api-docs} (springdoc), shaped for the
 * gateway's Swagger UI: one server, {@code /}, so that "Try it out" goes through the gateway that serves the
 * UI; and one security scheme, Keycloak's authorization-code flow, which the UI runs with the public client
 * {@code usermodels-web} and PKCE. The scope {@code organization} puts the caller's tenant into the token.
 *
 * <p>The authorization and token URLs are derived from the issuer the service trusts, which is the
 * address browsers use for Keycloak (the services may reach Keycloak elsewhere, through {@code jwk-set-uri}).
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.springdoc.core.utils.SpringDocUtils")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class OpenApiAutoConfiguration {

    /** The name of the security scheme, as operations and the Swagger UI refer to it. */
    static final String SECURITY_SCHEME = "keycloak";

    static {
        // the tenant comes from the verified token, never from the client: not a parameter of any operation
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(TenantRef.class);
    }

    /** What every operation answers besides its success, described once ({@link ApiContract}). */
    @Bean
    ApiContract apiContract() {
        return new ApiContract();
    }

    /** The request and answers the system tests recorded for each operation ({@link RecordedExamples}). */
    @Bean
    RecordedExamples recordedExamples() {
        return new RecordedExamples();
    }

    @Bean
    @ConditionalOnMissingBean
    OpenAPI usermodelsOpenApi(
            @Value("${spring.application.name}") String service,
            @Value("${info.description:}") String description,
            @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer) {
        var openIdConnect = issuer.replaceAll("/+$", "") + "/protocol/openid-connect";
        var authorizationCode = new OAuthFlow()
                .authorizationUrl(openIdConnect + "/auth")
                .tokenUrl(openIdConnect + "/token")
                .refreshUrl(openIdConnect + "/token")
                .scopes(new Scopes()
                        .addString("openid", "Sign in with the usermodels realm")
                        .addString("organization", "Put your tenant (your organization) into the token"));
        return new OpenAPI()
                .info(new Info()
                        .title("usermodels " + service)
                        .description(description.isBlank() ? null : description)
                        .version("v1")
                        .contact(new Contact().name("The usermodels maintainers")))
                .addServersItem(new Server()
                        .url("/")
                        .description("The usermodels gateway that serves this description: local with bin/dev,"
                                + " or the staging or production deployment it is read from.")
                        .extensions(Map.of("x-internal", false)))
                .components(new Components()
                        .addSecuritySchemes(
                                SECURITY_SCHEME,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.OAUTH2)
                                        .description(
                                                "Keycloak realm usermodels; the Swagger UI signs in"
                                                        + " with the public client usermodels-web and PKCE. Access"
                                                        + " tokens are signed JWTs (RS256), short-lived, renewed with"
                                                        + " the refresh token, and checked as RFC8725 advises: the"
                                                        + " algorithm is fixed by the realm's keys, never taken from"
                                                        + " the token, and issuer, authorized party (azp) and expiry are verified.")
                                        .flows(new OAuthFlows().authorizationCode(authorizationCode))))
                .addSecurityItem(new SecurityRequirement().addList(SECURITY_SCHEME, "organization"));
    }
}
