package org.usermodels.gateway.ratelimit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.usermodels.gateway.StandInService;
import org.usermodels.platform.infra.UsermodelsRealm;
import org.usermodels.platform.testsupport.KeycloakTokens;
import org.usermodels.platform.testsupport.RealKeycloak;

/**
 * Quotas per tenant, with tokens from a real Keycloak: the demo user's tenant {@code demo} gets a small
 * quota of its own; the platform administrator, whose token names no tenant, and callers without a token,
 * by their address, the (here smaller) default quota.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "usermodels.gateway.rate-limit.tenants[0].slug=demo",
            "usermodels.gateway.rate-limit.tenants[0].requests-per-second=1",
            "usermodels.gateway.rate-limit.tenants[0].burst=5",
            "usermodels.gateway.rate-limit.default-quota.requests-per-second=1",
            "usermodels.gateway.rate-limit.default-quota.burst=" + TenantRateLimitIT.DEFAULT_BURST
        })
@RealKeycloak
class TenantRateLimitIT {

    static final int BURST = 5;
    static final int DEFAULT_BURST = 3;

    @RegisterExtension
    static final StandInService services = StandInService.start();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        services.standInFor(registry, "user-service", "profile-service");
    }

    @Test
    void turnsAwayATenantOverItsQuotaWith429AndRetryAfterUntilTheBucketRefills() {
        var tokens = KeycloakTokens.ofTestKeycloak();
        var demo = tokens.password(UsermodelsRealm.DEMO_USER, "organization");
        var platformAdmin = tokens.password(UsermodelsRealm.PLATFORM_ADMIN, "openid");

        var started = System.nanoTime();
        var answers = new ArrayList<Response>();
        for (int call = 0; call < BURST + 5; call++) {
            answers.add(given().port(port).auth().oauth2(demo).get("/api/users/me"));
        }
        var elapsedSeconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();

        var admitted =
                answers.stream().filter(answer -> answer.statusCode() == 200).count();
        // A burst of 5, then one more per second that the calls took.
        assertThat(admitted).isBetween((long) BURST, BURST + elapsedSeconds + 1);
        assertThat(services.requestsTo("/api/users/me")).hasSize((int) admitted);
        var refused = answers.stream()
                .filter(answer -> answer.statusCode() == 429)
                .findFirst()
                .orElseThrow();
        refused.then()
                .contentType("application/problem+json")
                .header("Retry-After", "1")
                .header(TenantRateLimitFilter.REMAINING_HEADER, "0")
                .body("detail", containsString("Tenant demo has used its quota of 1 requests per second"))
                .body("requestId", notNullValue());

        // The platform administrator has a bucket of their own, and profile-service's route shares the tenant's.
        given().port(port)
                .auth()
                .oauth2(platformAdmin)
                .get("/api/tenants")
                .then()
                .statusCode(200);
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> given().port(port)
                                .auth()
                                .oauth2(demo)
                                .get("/api/profiles/me")
                                .statusCode()
                        == 200);
    }

    @Test
    void limitsCallsWithoutATokenByTheirAddress() {
        var started = System.nanoTime();
        var statuses = new ArrayList<Integer>();
        for (int call = 0; call < DEFAULT_BURST + 5; call++) {
            statuses.add(given().port(port).get("/v3/api-docs/user-service").statusCode());
        }
        var elapsedSeconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();

        assertThat(statuses).contains(429);
        assertThat(statuses.stream().filter(status -> status == 200).count())
                .isBetween((long) DEFAULT_BURST, DEFAULT_BURST + elapsedSeconds + 1);
    }
}
