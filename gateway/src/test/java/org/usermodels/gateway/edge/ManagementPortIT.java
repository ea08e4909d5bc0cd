package org.usermodels.gateway.edge;

import static io.restassured.RestAssured.given;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.usermodels.gateway.StandInService;
import org.usermodels.platform.testsupport.ManagementScrape;
import org.usermodels.platform.testsupport.RealKeycloak;

/**
 * The gateway as every container deployment runs it, with the actuator on a port of its own
 * ({@code management.server.port}; random here): the Prometheus scrape answers there without a token, and the
 * public port serves no actuator at all, so that a client of the API cannot read the gateway's metrics, not even
 * by naming the management port in forwarded headers.
 */
// forwarded headers honoured, as in the prod overlay: a client's X-Forwarded-Port must not make it a scraper
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.server.port=0", "server.forward-headers-strategy=native"})
@RealKeycloak
class ManagementPortIT {

    @RegisterExtension
    static final StandInService userService = StandInService.start();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        userService.standInFor(registry, "user-service");
    }

    @Test
    void theScrapeIsOpenOnTheManagementPortAndThePublicPortHasNoActuator() {
        ManagementScrape.assertOpenOnTheManagementPortOnly(port, managementPort);

        given().port(port).get("/actuator/health").then().statusCode(404);
        given().port(port)
                .header("X-Forwarded-Port", String.valueOf(managementPort))
                .get("/actuator/prometheus")
                .then()
                .statusCode(401);
        given().port(port)
                .header("X-Forwarded-Host", "localhost:" + managementPort)
                .get("/actuator/prometheus")
                .then()
                .statusCode(401);
    }
}
