package org.usermodels.systemtests.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.usermodels.systemtests.deployment.RenderedOverlay.at;
import static org.usermodels.systemtests.deployment.RenderedOverlay.list;
import static org.usermodels.systemtests.deployment.RenderedOverlay.mainContainer;
import static org.usermodels.systemtests.deployment.RenderedOverlay.map;
import static org.usermodels.systemtests.deployment.RenderedOverlay.nameOf;
import static org.usermodels.systemtests.deployment.RenderedOverlay.podSpec;
import static org.usermodels.systemtests.deployment.RenderedOverlay.string;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.usermodels.platform.infra.KeycloakDistribution;
import org.yaml.snakeyaml.Yaml;

/**
 * Renders every overlay of {@code k8s/} with {@code kubectl kustomize}, as {@code kubectl apply -k} would, and
 * checks the objects against the services as built: ports, probes, environment variables the applications bind,
 * images, references between objects, Secrets, NetworkPolicies and hardening (see {@link ManifestChecks}).
 * Without kubectl the tests are skipped, and say so; CI has it. The last test alters rendered objects to prove
 * that each check finds what it is for.
 */
class KubernetesManifestsTest {

    static final Path repository = DeploymentDescriptorsTest.repository;
    static final List<String> SERVICES = List.of("gateway", "user-service", "profile-service");
    static final Set<String> PUBLIC = Set.of("gateway");

    static Map<String, String> rendered = new TreeMap<>();
    static Map<String, BuiltService> apps = new LinkedHashMap<>();
    static Map<String, String> composeImages = new LinkedHashMap<>();
    static Map<String, Integer> imageUsers = new LinkedHashMap<>();

    static Optional<Path> kubectl = Optional.empty();

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void renderEveryOverlay() throws IOException, InterruptedException {
        kubectl = RenderedOverlay.findKubectl();
        if (kubectl.isEmpty()) {
            return; // each test then reports itself skipped, with the reason (needsKubectl)
        }
        try (var overlays = Files.list(repository.resolve("k8s/overlays"))) {
            for (var overlay : overlays.filter(Files::isDirectory).sorted().toList()) {
                rendered.put(overlay.getFileName().toString(), RenderedOverlay.render(kubectl.get(), overlay));
            }
        }
        Map<String, Object> compose = new Yaml().load(Files.readString(repository.resolve("docker-compose.yml")));
        var services = (Map<String, Map<String, Object>>) compose.get("services");
        for (var name : SERVICES) {
            apps.put(name, BuiltService.read(repository, name));
            composeImages.put(name, services.get(name).get("image").toString());
            var user = Pattern.compile("(?m)^USER (\\d+)")
                    .matcher(Files.readString(repository.resolve(name).resolve("Dockerfile")));
            assertThat(user.find())
                    .as("%s's Dockerfile names its user by number", name)
                    .isTrue();
            imageUsers.put(name, Integer.parseInt(user.group(1)));
        }
    }

    /** Each test, not the class, is skipped without kubectl, so that every one is reported with the reason. */
    @BeforeEach
    void needsKubectl() {
        Assumptions.assumeTrue(
                kubectl.isPresent(),
                "kubectl is not on the PATH (nor given as -Dusermodels.kubectl): the Kubernetes overlays were not rendered");
    }

    /** A fresh copy of an overlay's objects, which a test may alter. */
    static RenderedOverlay overlay(String name) {
        return RenderedOverlay.parse(name, rendered.get(name));
    }

    static Stream<Named<String>> overlays() {
        return Stream.of("dev", "prod").map(name -> Named.of(name, name));
    }

    @Test
    void everyOverlayRenders() {
        assertThat(rendered).containsOnlyKeys("dev", "prod");
        rendered.keySet()
                .forEach(name -> assertThat(overlay(name).workloads())
                        .extracting(RenderedOverlay::nameOf)
                        .containsAll(SERVICES));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void containersListenOnTheServicesPorts(String name) {
        assertThat(ManifestChecks.ports(overlay(name), apps.values())).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void probesAskActuatorHealthGroupsThatTheServicesHave(String name) {
        assertThat(ManifestChecks.probes(overlay(name), apps.values())).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyEnvironmentVariableIsBoundByTheApplication(String name) {
        var overlay = overlay(name);

        assertThat(ManifestChecks.environmentVariables(overlay, apps.values())).isEmpty();
        for (var service : SERVICES) {
            assertThat(overlay.environment(
                            mainContainer(overlay.workload(service).orElseThrow())))
                    .as("%s is told where Keycloak's tokens come from", service)
                    .containsKeys(
                            "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI",
                            "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI");
        }
        for (var service : List.of("user-service", "profile-service")) {
            assertThat(overlay.environment(
                            mainContainer(overlay.workload(service).orElseThrow())))
                    .as("%s is told where its database is and with which role", service)
                    .containsKeys("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD");
        }
        // profile-service creates a tenant's schema when the tenant is created, so it keeps the owner's role
        assertThat(overlay.environment(
                        mainContainer(overlay.workload("profile-service").orElseThrow())))
                .containsKeys("SPRING_FLYWAY_USER", "SPRING_FLYWAY_PASSWORD");
    }

    /**
     * user-service's migrations run in an init container, the profile migrate, as the schema's owner; its own
     * container runs with Flyway off and never holds the owner's password.
     */
    @ParameterizedTest
    @MethodSource("overlays")
    void onlyUserServicesInitContainerHoldsTheSchemaOwnersPassword(String name) {
        var overlay = overlay(name);
        var workload = overlay.workload("user-service").orElseThrow();
        var initContainers = list(podSpec(workload).get("initContainers"));
        var service = overlay.environment(mainContainer(workload));

        assertThat(initContainers).hasSize(1);
        var migrate = initContainers.getFirst();
        assertThat(migrate.get("image")).isEqualTo(mainContainer(workload).get("image"));
        assertThat(overlay.environment(migrate))
                .containsEntry("SPRING_PROFILES_ACTIVE", "migrate")
                .containsKeys("SPRING_DATASOURCE_URL", "SPRING_FLYWAY_USER", "SPRING_FLYWAY_PASSWORD");
        assertThat(secretKeysOf(migrate)).contains("owner-password");
        assertThat(service).containsEntry("SPRING_FLYWAY_ENABLED", "false").doesNotContainKey("SPRING_FLYWAY_PASSWORD");
        assertThat(secretKeysOf(mainContainer(workload)))
                .doesNotContain("owner-password")
                .contains("app-password");
    }

    static List<String> secretKeysOf(Map<String, Object> container) {
        return list(container.get("env")).stream()
                .map(variable -> string(at(variable, "valueFrom", "secretKeyRef", "key"), ""))
                .filter(key -> !key.isEmpty())
                .toList();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void servicesRunTheImagesComposeBuilds(String name) {
        assertThat(ManifestChecks.images(overlay(name), composeImages)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyReferenceFindsItsObject(String name) {
        var overlay = overlay(name);

        assertThat(ManifestChecks.references(overlay)).isEmpty();
        for (var service : SERVICES) {
            assertThat(overlay.find("Service", service))
                    .as("Service %s", service)
                    .isPresent();
            assertThat(overlay.find("PodDisruptionBudget", service))
                    .as("budget of %s", service)
                    .isPresent();
            assertThat(at(
                            overlay.find("HorizontalPodAutoscaler", service).orElseThrow(),
                            "spec",
                            "scaleTargetRef",
                            "name"))
                    .isEqualTo(service);
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void networkPoliciesAllowExactlyWhatTheConfigurationNeeds(String name) {
        var overlay = overlay(name);
        var problems = new ArrayList<String>();
        var needs = ManifestChecks.needs(overlay, problems);

        assertThat(ManifestChecks.networkPolicies(overlay, PUBLIC)).isEmpty();
        assertThat(problems).isEmpty();
        // What the policies were checked against, spelled out: /internal/events and the permissions lookup.
        assertThat(needs)
                .anySatisfy(need -> assertThat(need)
                        .extracting(ManifestChecks.Need::client, ManifestChecks.Need::server)
                        .containsExactly("user-service", "profile-service"))
                .anySatisfy(need -> assertThat(need)
                        .extracting(ManifestChecks.Need::client, ManifestChecks.Need::server)
                        .containsExactly("profile-service", "user-service"));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void podsRunHardenedAndWithinBounds(String name) {
        assertThat(ManifestChecks.hardening(overlay(name), imageUsers)).isEmpty();
    }

    @Test
    void devBringsEverySecretItUsesWithTheValuesOfTheDatabaseAndRealm() throws IOException {
        var dev = overlay("dev");

        assertThat(ManifestChecks.secretsPresent(dev)).isEmpty();
        assertThat(ManifestChecks.secretReferences(dev)).isNotEmpty();

        var realm = realmFile();
        var clientSecret = list(realm.get("clients")).stream()
                .filter(client -> "user-service".equals(client.get("clientId")))
                .findFirst()
                .orElseThrow()
                .get("secret");
        var userService =
                dev.environment(mainContainer(dev.workload("user-service").orElseThrow()));
        assertThat(secretValue(dev, "user-service", "USERMODELS_KEYCLOAK_CLIENT_SECRET"))
                .isEqualTo(clientSecret);
        assertThat(userService).containsEntry("USERMODELS_KEYCLOAK_URL", "http://keycloak:8080");
    }

    @Test
    void devPostgresInitialisesTheDatabasesAndRolesTheServicesUse() throws IOException {
        var dev = overlay("dev");
        var postgres = dev.workload("postgres").orElseThrow();
        var script = Files.readString(repository.resolve("platform/postgres/init/01-databases.sql"));

        assertThat(postgres.get("kind")).isEqualTo("StatefulSet");
        assertThat(mainContainer(postgres).get("image")).isEqualTo(composeImage("postgres"));
        assertThat(mountedConfigMap(dev, postgres, "/docker-entrypoint-initdb.d"))
                .containsExactly(Map.entry("01-databases.sql", script));
        for (var name : List.of("user-service", "profile-service")) {
            var environment = new LinkedHashMap<>(
                    dev.environment(mainContainer(dev.workload(name).orElseThrow())));
            environment.put("SPRING_FLYWAY_PASSWORD", secretValue(dev, name, "SPRING_FLYWAY_PASSWORD"));
            environment.put("SPRING_DATASOURCE_PASSWORD", secretValue(dev, name, "SPRING_DATASOURCE_PASSWORD"));
            DeploymentDescriptorsTest.assertInitialisesTheDatabaseOf(script, environment);
        }
        assertThat(script)
                .contains("create role keycloak with login password '%s';"
                        .formatted(secretValue(dev, "keycloak", "KC_DB_PASSWORD")));
    }

    @Test
    void devKeycloakImportsTheOneRealmFileWithTheHostnameThatIsTheServicesIssuer() throws IOException {
        var dev = overlay("dev");
        var keycloak = mainContainer(dev.workload("keycloak").orElseThrow());
        @SuppressWarnings("unchecked")
        var arguments = (List<String>) keycloak.get("args");
        var hostname = arguments.stream()
                .filter(argument -> argument.startsWith("--hostname="))
                .findFirst()
                .orElseThrow()
                .substring("--hostname=".length());

        assertThat(keycloak.get("image").toString())
                .isEqualTo(composeImage("keycloak"))
                .endsWith(":" + KeycloakDistribution.buildVersion());
        assertThat(arguments).contains("start-dev", "--import-realm", "--health-enabled=true");
        assertThat(mountedConfigMap(dev, dev.workload("keycloak").orElseThrow(), "/opt/keycloak/data/import"))
                .containsExactly(Map.entry(
                        "usermodels-realm.json",
                        Files.readString(repository.resolve("platform/keycloak/usermodels-realm.json"))));
        for (var service : SERVICES) {
            assertThat(dev.environment(mainContainer(dev.workload(service).orElseThrow())))
                    .containsEntry(
                            "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI",
                            hostname + "/realms/" + realmFile().get("realm"));
        }
    }

    @Test
    void prodRunsNoDatabaseOrKeycloakAndHoldsNoSecretValue() {
        var prod = overlay("prod");

        assertThat(prod.workloads()).extracting(RenderedOverlay::nameOf).containsExactlyInAnyOrderElementsOf(SERVICES);
        assertThat(prod.ofKind("StatefulSet")).isEmpty();
        assertThat(prod.ofKind("PersistentVolumeClaim")).isEmpty();
        assertThat(prod.ofKind("Secret")).isEmpty();
        assertThat(prod.workloads())
                .flatExtracting(RenderedOverlay::containers)
                .extracting(container -> container.get("image").toString())
                .noneMatch(image -> image.contains("postgres") || image.contains("keycloak"));
        assertThat(overlay("dev").workloads())
                .extracting(RenderedOverlay::nameOf)
                .contains("postgres", "keycloak");
    }

    @Test
    void docsNameEverySecretProdNeedsWithItsKeys() throws IOException {
        var operations = Files.readString(repository.resolve("docs/operations.md"));
        var references = ManifestChecks.secretReferences(overlay("prod"));

        assertThat(references).containsKeys("user-service-database", "profile-service-database");
        references.forEach((name, keys) -> {
            var row = operations
                    .lines()
                    .filter(line -> line.startsWith("| `" + name + "`"))
                    .findFirst();
            assertThat(row)
                    .as("docs/operations.md has a row for Secret %s", name)
                    .isPresent();
            keys.forEach(key -> assertThat(row.get()).contains("`" + key + "`"));
        });
    }

    /**
     * Trace export is a component an operator adds to an overlay (k8s/components/otlp-export): rendered onto prod,
     * it tells each service where the collector is, in a variable the services bind, and brings the egress rule
     * that lets them reach it past the default deny; without that rule the check finds the connection refused.
     */
    @Test
    void traceExportComesWithTheEgressItNeeds() throws IOException, InterruptedException {
        var example = repository.resolve("system-tests/target/overlays/prod-with-otlp-export");
        Files.createDirectories(example);
        Files.writeString(example.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources: [../../../../k8s/overlays/prod]
                components: [../../../../k8s/components/otlp-export]
                """);
        var overlay =
                RenderedOverlay.parse("prod-with-otlp-export", RenderedOverlay.render(kubectl.orElseThrow(), example));
        var problems = new ArrayList<String>();
        var exports = ManifestChecks.needs(overlay, problems).stream()
                .filter(need -> need.variable().equals("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT"))
                .toList();

        assertThat(problems).isEmpty();
        assertThat(exports.stream().map(ManifestChecks.Need::client).distinct())
                .as("every service, init containers included, is told where the collector is")
                .containsExactlyInAnyOrderElementsOf(SERVICES);
        assertThat(exports).allSatisfy(need -> assertThat(need.external()).isTrue());
        assertThat(ManifestChecks.environmentVariables(overlay, apps.values())).isEmpty();
        assertThat(ManifestChecks.networkPolicies(overlay, PUBLIC)).isEmpty();

        overlay.objects()
                .remove(overlay.find("NetworkPolicy", "to-otlp-collector").orElseThrow());
        assertThat(ManifestChecks.networkPolicies(overlay, PUBLIC))
                .anyMatch(problem -> problem.contains("cannot reach otel-collector.observability on port 4318"));
    }

    /** Each service's memory limit holds what its image lets the JVM take: heap, capped non-heap and a reserve. */
    @ParameterizedTest
    @MethodSource("overlays")
    void everyMemoryLimitHoldsTheJvmItsImageRuns(String name) throws IOException {
        var overlay = overlay(name);
        for (var service : SERVICES) {
            var jvm = JvmMemory.of(Files.readString(repository.resolve(service).resolve("Dockerfile")));
            // the init container (user-service's migration) runs the same image, so the same JVM
            var containers =
                    RenderedOverlay.allContainers(overlay.workload(service).orElseThrow());
            assertThat(containers).isNotEmpty();
            for (var container : containers) {
                var limit = mebibytes(at(container, "resources", "limits", "memory"));

                assertThat(jvm.neededMiB(limit))
                        .as("%s/%s under a limit of %d MiB", service, container.get("name"), limit)
                        .isLessThanOrEqualTo(limit);
            }
        }
    }

    static int mebibytes(Object quantity) {
        var text = String.valueOf(quantity);
        if (text.endsWith("Gi")) {
            return Integer.parseInt(text.substring(0, text.length() - 2)) * 1024;
        }
        if (text.endsWith("Mi")) {
            return Integer.parseInt(text.substring(0, text.length() - 2));
        }
        throw new IllegalArgumentException("a memory quantity in Mi or Gi: " + text);
    }

    @Test
    void prodRunsMoreReplicasWithStricterResourcesThanDev() {
        var dev = overlay("dev");
        var prod = overlay("prod");
        for (var service : SERVICES) {
            var devScaler = dev.find("HorizontalPodAutoscaler", service).orElseThrow();
            var prodScaler = prod.find("HorizontalPodAutoscaler", service).orElseThrow();
            assertThat((Integer) at(prodScaler, "spec", "minReplicas"))
                    .isGreaterThanOrEqualTo(3)
                    .isGreaterThan((Integer) at(devScaler, "spec", "minReplicas"));
            var resources =
                    map(mainContainer(prod.workload(service).orElseThrow()).get("resources"));
            assertThat(at(resources, "requests", "memory"))
                    .as("%s reserves the memory it may use", service)
                    .isEqualTo(at(resources, "limits", "memory"));
            assertThat(at(resources, "limits", "cpu")).isNotNull();
        }
    }

    record Alteration(
            String overlay,
            Consumer<RenderedOverlay> change,
            Function<RenderedOverlay, List<String>> check,
            String problem) {}

    static Stream<Arguments> alterations() {
        return Stream.of(
                alteration(
                        "a container port that is not server.port",
                        "dev",
                        overlay -> containerPort(overlay, "gateway").put("containerPort", 8091),
                        overlay -> ManifestChecks.ports(overlay, apps.values()),
                        "gateway: the container's port http is 8091, the application's server.port 8080"),
                alteration(
                        "a variable the service does not bind",
                        "prod",
                        overlay -> env(overlay, "gateway")
                                .add(Map.of(
                                        "name",
                                        "USERMODELS_GATEWAY_USER_SERVICE_URL",
                                        "value",
                                        "http://user-service:8081")),
                        overlay -> ManifestChecks.environmentVariables(overlay, apps.values()),
                        "gateway sets USERMODELS_GATEWAY_USER_SERVICE_URL, which the application does not bind"),
                alteration(
                        "a readiness path the actuator does not serve",
                        "dev",
                        overlay -> map(at(
                                        mainContainer(overlay.workload("profile-service")
                                                .orElseThrow()),
                                        "readinessProbe",
                                        "httpGet"))
                                .put("path", "/actuator/health/ready"),
                        overlay -> ManifestChecks.probes(overlay, apps.values()),
                        "profile-service: readinessProbe asks /actuator/health/ready"),
                alteration(
                        "probe groups switched off by a variable",
                        "prod",
                        overlay -> env(overlay, "user-service")
                                .add(Map.of("name", "MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED", "value", "false")),
                        overlay -> ManifestChecks.probes(overlay, apps.values()),
                        "user-service has no liveness and readiness groups"),
                alteration(
                        "a probe on the application's port",
                        "prod",
                        overlay -> map(at(
                                        mainContainer(
                                                overlay.workload("gateway").orElseThrow()),
                                        "readinessProbe",
                                        "httpGet"))
                                .put("port", "http"),
                        overlay -> ManifestChecks.probes(overlay, apps.values()),
                        "gateway: readinessProbe asks port http, not the actuator's 9090"),
                alteration(
                        "the actuator back on the application's port",
                        "dev",
                        overlay -> configMap(overlay, "user-service-config").remove("MANAGEMENT_SERVER_PORT"),
                        overlay -> ManifestChecks.probes(overlay, apps.values()),
                        "user-service: the actuator shares the application's port 8081"),
                alteration(
                        "no rule for the scrape",
                        "prod",
                        overlay -> overlay.objects()
                                .remove(overlay.find("NetworkPolicy", "metrics-scrape")
                                        .orElseThrow()),
                        overlay -> ManifestChecks.networkPolicies(overlay, PUBLIC),
                        "Prometheus in the monitoring namespace cannot scrape gateway on port 9090"),
                alteration(
                        "the scrape open to the whole monitoring namespace",
                        "dev",
                        overlay -> list(at(
                                        ingressRules(overlay, "metrics-scrape").getFirst(), "from"))
                                .getFirst()
                                .remove("podSelector"),
                        overlay -> ManifestChecks.networkPolicies(overlay, PUBLIC),
                        "profile-service's scrape port 9090 is open to another pod of the monitoring namespace"),
                alteration(
                        "a caller let in on the scrape port",
                        "prod",
                        overlay -> {
                            var management = Map.<String, Object>of("protocol", "TCP", "port", "management");
                            list(at(ingressRules(overlay, "user-service").getFirst(), "ports"))
                                    .add(management);
                            list(at(
                                            list(at(
                                                            overlay.find("NetworkPolicy", "gateway")
                                                                    .orElseThrow(),
                                                            "spec",
                                                            "egress"))
                                                    .getFirst(),
                                            "ports"))
                                    .add(management);
                        },
                        overlay -> ManifestChecks.networkPolicies(overlay, PUBLIC),
                        "gateway may reach user-service's scrape port 9090"),
                alteration(
                        "an image compose does not build",
                        "dev",
                        overlay -> mainContainer(
                                        overlay.workload("user-service").orElseThrow())
                                .put("image", "usermodels/user-service:latest"),
                        overlay -> ManifestChecks.images(overlay, composeImages),
                        "user-service runs usermodels/user-service:latest"),
                alteration(
                        "an autoscaler of a workload that does not exist",
                        "prod",
                        overlay -> map(at(
                                        overlay.find("HorizontalPodAutoscaler", "profile-service")
                                                .orElseThrow(),
                                        "spec",
                                        "scaleTargetRef"))
                                .put("name", "profile-svc"),
                        ManifestChecks::references,
                        "scales Deployment profile-svc, which does not exist"),
                alteration(
                        "a Service that selects nothing",
                        "dev",
                        overlay -> map(at(
                                        overlay.find("Service", "user-service").orElseThrow(), "spec", "selector"))
                                .put("app.kubernetes.io/name", "user-svc"),
                        ManifestChecks::references,
                        "Service user-service selects no workload's pods"),
                alteration(
                        "a policy that forgets a caller",
                        "prod",
                        overlay -> list(at(ingressRules(overlay, "user-service").getFirst(), "from"))
                                .removeLast(),
                        overlay -> ManifestChecks.networkPolicies(overlay, PUBLIC),
                        "profile-service cannot reach user-service on port 8081, which its USERMODELS_USER_SERVICE_URL needs"),
                alteration(
                        "a policy that lets everyone in",
                        "dev",
                        overlay -> ingressRules(overlay, "profile-service")
                                .getFirst()
                                .remove("from"),
                        overlay -> ManifestChecks.networkPolicies(overlay, PUBLIC),
                        "profile-service is reachable from outside the namespace on port 8082"),
                alteration(
                        "a policy that lets in a pod that never calls",
                        "dev",
                        overlay -> {
                            var gateway = Map.<String, Object>of(
                                    "podSelector", Map.of("matchLabels", Map.of("app.kubernetes.io/name", "gateway")));
                            list(at(ingressRules(overlay, "postgres").getFirst(), "from"))
                                    .add(gateway);
                            @SuppressWarnings("unchecked")
                            var clients = (List<Object>) at(
                                    list(at(
                                                    overlay.find("NetworkPolicy", "to-postgres")
                                                            .orElseThrow(),
                                                    "spec",
                                                    "podSelector",
                                                    "matchExpressions"))
                                            .getFirst(),
                                    "values");
                            clients.add("gateway");
                        },
                        overlay -> ManifestChecks.networkPolicies(overlay, PUBLIC),
                        "gateway may reach postgres on port 5432, though its configuration never calls it"),
                alteration(
                        "a setting that names a port its Service does not have",
                        "dev",
                        overlay -> configMap(overlay, "user-service-config")
                                .put("USERMODELS_OUTBOX_RELAY_TARGET", "http://profile-service:8083/internal/events"),
                        overlay -> ManifestChecks.networkPolicies(overlay, PUBLIC),
                        "USERMODELS_OUTBOX_RELAY_TARGET names port 8083 of Service profile-service"),
                alteration(
                        "no default deny",
                        "prod",
                        overlay -> overlay.objects()
                                .remove(overlay.find("NetworkPolicy", "default-deny")
                                        .orElseThrow()),
                        overlay -> ManifestChecks.networkPolicies(overlay, PUBLIC),
                        "no NetworkPolicy denies all traffic by default"),
                alteration(
                        "no DNS",
                        "dev",
                        overlay -> overlay.objects()
                                .remove(overlay.find("NetworkPolicy", "allow-dns")
                                        .orElseThrow()),
                        overlay -> ManifestChecks.networkPolicies(overlay, PUBLIC),
                        "gateway cannot resolve names"),
                alteration(
                        "a Secret that is missing",
                        "dev",
                        overlay -> overlay.objects()
                                .removeIf(object -> "Secret".equals(object.get("kind"))
                                        && nameOf(object).startsWith("user-service-keycloak-client")),
                        ManifestChecks::secretsPresent,
                        "Secret user-service-keycloak-client-"),
                alteration(
                        "a writable root file system",
                        "prod",
                        overlay -> map(mainContainer(overlay.workload("gateway").orElseThrow())
                                        .get("securityContext"))
                                .put("readOnlyRootFilesystem", false),
                        overlay -> ManifestChecks.hardening(overlay, imageUsers),
                        "gateway's root file system is writable"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("alterations")
    void everyCheckFindsWhatItIsFor(String description, Alteration alteration) {
        var original = overlay(alteration.overlay());
        var altered = overlay(alteration.overlay());
        alteration.change().accept(altered);

        assertThat(alteration.check().apply(original)).noneMatch(problem -> problem.contains(alteration.problem()));
        assertThat(alteration.check().apply(altered)).anyMatch(problem -> problem.contains(alteration.problem()));
    }

    static Arguments alteration(
            String description,
            String overlay,
            Consumer<RenderedOverlay> change,
            Function<RenderedOverlay, List<String>> check,
            String problem) {
        return Arguments.of(description, new Alteration(overlay, change, check, problem));
    }

    static Map<String, Object> containerPort(RenderedOverlay overlay, String workload) {
        return list(mainContainer(overlay.workload(workload).orElseThrow()).get("ports"))
                .getFirst();
    }

    @SuppressWarnings("unchecked")
    static List<Object> env(RenderedOverlay overlay, String workload) {
        var container = mainContainer(overlay.workload(workload).orElseThrow());
        container.computeIfAbsent("env", key -> new ArrayList<>());
        return (List<Object>) container.get("env");
    }

    static List<Map<String, Object>> ingressRules(RenderedOverlay overlay, String policy) {
        return list(at(overlay.find("NetworkPolicy", policy).orElseThrow(), "spec", "ingress"));
    }

    static Map<String, Object> configMap(RenderedOverlay overlay, String prefix) {
        return map(overlay.ofKind("ConfigMap").stream()
                .filter(object -> nameOf(object).startsWith(prefix + "-"))
                .findFirst()
                .orElseThrow()
                .get("data"));
    }

    /** The value a workload's variable takes from a Secret of the overlay. */
    static String secretValue(RenderedOverlay overlay, String workload, String variable) {
        // in any of the workload's containers: user-service's owner password is its init container's alone
        var reference = RenderedOverlay.allContainers(overlay.workload(workload).orElseThrow()).stream()
                .flatMap(container -> list(container.get("env")).stream())
                .filter(entry -> variable.equals(entry.get("name")))
                .map(entry -> map(at(entry, "valueFrom", "secretKeyRef")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(workload + " takes " + variable + " from no Secret"));
        var secret = overlay.find("Secret", reference.get("name").toString()).orElseThrow();
        return RenderedOverlay.secretData(secret).get(reference.get("key").toString());
    }

    /** The files of the ConfigMap a workload mounts at a path. */
    static Map<String, Object> mountedConfigMap(RenderedOverlay overlay, Map<String, Object> workload, String path) {
        var volume = list(mainContainer(workload).get("volumeMounts")).stream()
                .filter(mount -> path.equals(mount.get("mountPath")))
                .map(mount -> mount.get("name"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(nameOf(workload) + " mounts nothing at " + path));
        var configMapName = list(podSpec(workload).get("volumes")).stream()
                .filter(candidate -> volume.equals(candidate.get("name")))
                .map(candidate -> at(candidate, "configMap", "name"))
                .findFirst()
                .orElseThrow();
        return map(overlay.find("ConfigMap", configMapName.toString())
                .orElseThrow()
                .get("data"));
    }

    static Map<String, Object> realmFile() throws IOException {
        return new Yaml().load(Files.readString(repository.resolve("platform/keycloak/usermodels-realm.json")));
    }

    @SuppressWarnings("unchecked")
    static String composeImage(String service) throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(repository.resolve("docker-compose.yml")));
        return ((Map<String, Map<String, Object>>) compose.get("services"))
                .get(service)
                .get("image")
                .toString();
    }
}
