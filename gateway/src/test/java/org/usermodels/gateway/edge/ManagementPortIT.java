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
 * public port serves no actuator at all, so that a client of the API cannot read the gateway's metrics.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
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
    }
}
