package org.usermodels.platform.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * What every service and the gateway promise about their actuator when it has a port of its own (as in every
 * container deployment): the Prometheus scrape answers there without a token, the actuator's other endpoints still
 * want a platform administrator (a problem, 401), and on the application's port nobody without a token scrapes.
 */
public final class ManagementScrape {

    private static final HttpClient client = HttpClient.newHttpClient();

    private ManagementScrape() {}

    /** @return the scrape's text, for the caller's own meters */
    public static String assertOpenOnTheManagementPortOnly(int applicationPort, int managementPort) {
        assertThat(managementPort).isPositive().isNotEqualTo(applicationPort);

        var scrape = get(managementPort, "/actuator/prometheus");
        assertThat(scrape.statusCode()).as("the scrape on the management port").isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(scrape.body()).contains("jvm_memory_used_bytes");
        assertThat(get(managementPort, "/actuator/health/readiness").statusCode())
                .isEqualTo(200);
        var metrics = get(managementPort, "/actuator/metrics");
        assertThat(metrics.statusCode())
                .as("the actuator's other endpoints, without a token")
                .isEqualTo(401);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(get(applicationPort, "/actuator/prometheus").statusCode())
                .as("the scrape on the application's port, without a token")
                .isEqualTo(401);
        return scrape.body();
    }

    private static HttpResponse<String> get(int port, String path) {
        try {
            return client.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " on port " + port + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
