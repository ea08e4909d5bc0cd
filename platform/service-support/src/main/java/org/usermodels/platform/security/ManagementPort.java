package org.usermodels.platform.security;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * The actuator's own port, when it has one ({@code management.server.port}, set in every container deployment:
 * docs/operations.md, "Metrics"), learnt when its server starts. Nothing routes to that port from outside: the
 * gateway forwards {@code /api/**} to the services' application ports, and Kubernetes' NetworkPolicies and docker
 * compose open it to no one but the metrics scraper. So the Prometheus scrape is open there, without a token (a
 * scraper holds no Keycloak session), and stays for platform administrators on the application's port, which is
 * where it is served when there is no management port ({@code bin/dev}). The services' security chain
 * ({@code ServiceSupportAutoConfiguration}) and the gateway's ({@code EdgeSecurity}) each match it their way.
 */
public final class ManagementPort implements ApplicationListener<WebServerInitializedEvent> {

    /** Where Micrometer's Prometheus registry answers, under the actuator's base path. */
    public static final String SCRAPE_PATH = "/actuator/prometheus";

    private volatile int port = -1;

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        // the management server's context is a child of the application's; its events reach the parent's listeners
        if ("management".equals(event.getApplicationContext().getServerNamespace())) {
            port = event.getWebServer().getPort();
        }
    }

    /** Whether a request that arrived on {@code localPort} for {@code path} is a scrape on the management port. */
    public boolean isScrape(int localPort, String path) {
        return port > 0 && localPort == port && SCRAPE_PATH.equals(path);
    }
}
