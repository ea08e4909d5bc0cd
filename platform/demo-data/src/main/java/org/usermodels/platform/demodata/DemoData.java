package org.usermodels.platform.demodata;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.usermodels.platform.demodata.DemoTenants.DemoTenant;

/**
 * Seeds the demo tenants through the public API and prints what it did. Idempotent: a second run finds
 * everything in place, changes nothing and succeeds. {@code bin/dev} calls {@link #seed} once the services
 * are healthy; docker compose runs {@link #main} as a one-shot container configured by the environment
 * variables of {@link Settings#fromEnvironment}.
 */
public final class DemoData {

    private DemoData() {}

    /**
     * Where the API is and who may create tenants.
     *
     * @param gateway the gateway's base URI, e.g. {@code http://localhost:8080}
     * @param keycloak Keycloak's base URI, e.g. {@code http://localhost:8180}; tokens come from the realm
     *     {@code usermodels} there
     * @param timeout how long to wait for an unreachable service and for a profile to appear
     */
    public record Settings(
            URI gateway, URI keycloak, String platformAdminUsername, String platformAdminPassword, Duration timeout) {

        public static final String GATEWAY_URL = "USERMODELS_DEMO_GATEWAY_URL";
        public static final String KEYCLOAK_URL = "USERMODELS_DEMO_KEYCLOAK_URL";
        public static final String PLATFORM_ADMIN_USERNAME = "USERMODELS_DEMO_PLATFORM_ADMIN_USERNAME";
        public static final String PLATFORM_ADMIN_PASSWORD = "USERMODELS_DEMO_PLATFORM_ADMIN_PASSWORD";
        public static final String TIMEOUT = "USERMODELS_DEMO_TIMEOUT";

        /** Every environment variable {@link #fromEnvironment} reads. */
        public static final List<String> VARIABLES =
                List.of(GATEWAY_URL, KEYCLOAK_URL, PLATFORM_ADMIN_USERNAME, PLATFORM_ADMIN_PASSWORD, TIMEOUT);

        /** The dev-only platform administrator of the realm file, and a minute of patience. */
        public static Settings local(URI gateway, URI keycloak) {
            return new Settings(gateway, keycloak, "platform-admin", "platform-admin", Duration.ofSeconds(60));
        }

        /** From the environment; each variable absent takes the value of {@link #local} on the standard ports. */
        public static Settings fromEnvironment(Map<String, String> environment) {
            var local = local(URI.create("http://localhost:8080"), URI.create("http://localhost:8180"));
            return new Settings(
                    URI.create(environment.getOrDefault(
                            GATEWAY_URL, local.gateway().toString())),
                    URI.create(environment.getOrDefault(
                            KEYCLOAK_URL, local.keycloak().toString())),
                    environment.getOrDefault(PLATFORM_ADMIN_USERNAME, local.platformAdminUsername()),
                    environment.getOrDefault(PLATFORM_ADMIN_PASSWORD, local.platformAdminPassword()),
                    Duration.parse(
                            environment.getOrDefault(TIMEOUT, local.timeout().toString())));
        }

        URI tokenEndpoint() {
            return URI.create(keycloak + "/realms/usermodels/protocol/openid-connect/token");
        }
    }

    /** What seeding changed in one tenant; nothing when it was already as defined. */
    public record TenantReport(String slug, List<String> changes) {}

    /** What seeding changed, per tenant. */
    public record Report(List<TenantReport> tenants) {

        public boolean changedNothing() {
            return tenants.stream().allMatch(tenant -> tenant.changes().isEmpty());
        }

        /** The changes and the dev-only accounts, for a terminal. */
        public void printTo(PrintStream out, List<DemoTenant> definitions) {
            for (var tenant : tenants) {
                out.printf(
                        "  %-8s %s%n",
                        tenant.slug(),
                        tenant.changes().isEmpty()
                                ? "already seeded, nothing changed"
                                : String.join("; ", tenant.changes()));
            }
            out.println();
            out.println("  Dev-only demo accounts (username / password, tenant):");
            for (var tenant : definitions) {
                tenant.accounts()
                        .forEach(account -> out.printf(
                                "    %-12s %-18s %s%s%n",
                                account.username(),
                                account.password(),
                                tenant.slug(),
                                account.equals(tenant.admin()) ? " (tenant admin)" : ""));
            }
        }
    }

    /** Seeding stopped: the message says at which call and what the API answered. */
    public static final class SeedingFailed extends RuntimeException {

        SeedingFailed(String message) {
            super(message);
        }

        SeedingFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Brings every demo tenant to its definition.
     *
     * @throws SeedingFailed when a call answers something unexpected or the API stays unreachable
     */
    public static Report seed(Settings settings) {
        return seed(settings, DemoTenants.all());
    }

    /** Brings the given tenants to their definitions. */
    public static Report seed(Settings settings, List<DemoTenant> tenants) {
        var api = new Api(settings);
        var seeder = new Seeder(api, settings);
        var platformAdmin = api.token(settings.platformAdminUsername(), settings.platformAdminPassword(), null);
        var reports = new ArrayList<TenantReport>();
        for (var tenant : tenants) {
            reports.add(seeder.seed(tenant, platformAdmin));
        }
        return new Report(List.copyOf(reports));
    }

    public static void main(String[] args) {
        var settings = Settings.fromEnvironment(System.getenv());
        System.out.printf(
                "Seeding the demo tenants through %s (tokens from %s)...%n", settings.gateway(), settings.keycloak());
        try {
            seed(settings).printTo(System.out, DemoTenants.all());
        } catch (SeedingFailed e) {
            System.err.println("demo-data: " + e.getMessage());
            System.exit(1);
        }
    }
}
