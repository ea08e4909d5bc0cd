package org.usermodels.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.usermodels.gateway.StandInService;
import org.usermodels.gateway.StandInService.Answer;
import org.usermodels.platform.infra.FreePorts;
import org.usermodels.platform.infra.UsermodelsRealm;
import org.usermodels.platform.testsupport.KeycloakTokens;
import org.usermodels.platform.testsupport.RealKeycloak;

/**
 * Time limits, retries and circuit breakers per route, against a stand-in user-service that can be slow or
 * fail on cue and a profile-service that is not running at all.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "resilience4j.timelimiter.instances.user-service.timeout-duration=1s",
            "resilience4j.circuitbreaker.instances.profile-service.sliding-window-size=4",
            "resilience4j.circuitbreaker.instances.profile-service.minimum-number-of-calls=4",
            "resilience4j.circuitbreaker.instances.profile-service.wait-duration-in-open-state=5m",
            "resilience4j.circuitbreaker.instances.profile-service.automatic-transition-from-open-to-half-open-enabled=false"
        })
@RealKeycloak
class ResilienceIT {

    @RegisterExtension
    static final StandInService userService = StandInService.start();

    static final int stoppedProfileService = FreePorts.find();

    @LocalServerPort
    int port;

    String token = KeycloakTokens.ofTestKeycloak().password(UsermodelsRealm.DEMO_USER, "organization");

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        userService.standInFor(registry, "user-service");
        registry.add("usermodels.gateway.profile-service-uri", () -> "http://localhost:" + stoppedProfileService);
    }

    @Autowired
    CircuitBreakerRegistry breakers;

    /** Each test starts with closed breakers, whatever the one before it did. */
    @BeforeEach
    void closeTheBreakers() {
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    RequestSpecification gateway() {
        return given().port(port).auth().oauth2(token);
    }

    @Test
    void answersAServiceThatDoesNotAnswerWith504WhenTheRoutesTimeLimitRunsOut() {
        userService.script("/api/users/me", attempt -> Answer.never());
        var started = System.nanoTime();

        gateway()
                .get("/api/users/me")
                .then()
                .statusCode(504)
                .contentType("application/problem+json")
                .body("detail", containsString("did not answer in time"))
                .body("requestId", notNullValue());

        // The limit is 1 s; the service would never answer. Generous headroom for a busy machine.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void retriesAGetThatMetABadGateway() {
        userService.script("/api/users/me", attempt -> Answer.status(attempt == 1 ? 502 : 200));

        gateway().get("/api/users/me").then().statusCode(200);

        assertThat(userService.requestsTo("/api/users/me")).hasSize(2);
    }

    /**
     * A service that closes the connection before it answers is the service's failure: the gateway answers 502,
     * a problem that says a change may have been made, rather than a 500 of its own.
     */
    @Test
    void answersABadGatewayProblemWhenTheServiceClosesTheConnectionWithoutAnswering() {
        userService.script("/api/users/42", attempt -> Answer.closesTheConnection());

        gateway()
                .contentType("application/json")
                .body("{\"firstName\": \"Ada\"}")
                .patch("/api/users/42")
                .then()
                .statusCode(502)
                .contentType("application/problem+json")
                .body("status", equalTo(502))
                .body("detail", containsString("closed the connection"))
                .body("requestId", notNullValue());

        assertThat(userService.requestsTo("/api/users/42"))
                .as("a change is never retried")
                .hasSize(1);
    }

    @Test
    void passesAServicesOwnErrorAnswerThroughWithoutRetrying() {
        userService.script("/api/users/me", attempt -> Answer.status(500));

        gateway().get("/api/users/me").then().statusCode(500);

        assertThat(userService.requestsTo("/api/users/me")).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE"})
    void neverRetriesARequestThatMayChangeSomething(String method) {
        userService.script("/api/users/42", attempt -> Answer.status(502));

        gateway()
                .contentType("application/json")
                .body("{}")
                .request(method, "/api/users/42")
                .then()
                .statusCode(502);

        assertThat(userService.requestsTo("/api/users/42")).hasSize(1);
    }

    @Test
    void opensTheBreakerOfAServiceThatKeepsFailingAndAnswersAtOnce() {
        for (int call = 0; call < 4; call++) {
            gateway()
                    .get("/api/profiles/me")
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .body("detail", equalTo("The service behind this API is not available."));
        }

        gateway()
                .get("/api/profiles/me")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("detail", containsString("failed repeatedly"))
                .body("requestId", notNullValue());
    }

    @Test
    void keepsTheBreakerOfOneServiceApartFromTheOther() {
        for (int call = 0; call < 5; call++) {
            gateway().get("/api/profiles/me").then().statusCode(503);
        }

        assertThat(breakers.circuitBreaker("profile-service").getState()).isEqualTo(CircuitBreaker.State.OPEN);
        gateway().get("/api/users/me").then().statusCode(200);
        assertThat(breakers.circuitBreaker("user-service").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }
}
