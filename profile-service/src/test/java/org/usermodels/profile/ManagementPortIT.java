package org.usermodels.profile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.usermodels.platform.testsupport.ManagementScrape;
import org.usermodels.profile.testing.ProfileServiceIT;

/**
 * A service as every container deployment runs it, with the actuator on a port of its own
 * ({@code management.server.port}; random here): the Prometheus scrape answers there without a token, the
 * actuator's other endpoints still need a platform administrator, and the application's port serves no scrape
 * to anyone without one. The rule lives in platform/service-support, so user-service follows it too.
 */
@ProfileServiceIT
@TestPropertySource(properties = "management.server.port=0")
class ManagementPortIT {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Test
    void theScrapeIsOpenOnTheManagementPortOnly() {
        var scrape = ManagementScrape.assertOpenOnTheManagementPortOnly(port, managementPort);

        assertThat(scrape).as("the service's own meters, its connection pool's").contains("hikaricp_connections");
    }
}
