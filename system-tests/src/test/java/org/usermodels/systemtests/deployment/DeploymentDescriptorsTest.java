package org.usermodels.systemtests.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.usermodels.platform.demodata.DemoData;
import org.yaml.snakeyaml.Yaml;

/**
 * There is no Docker engine in CI, so docker-compose.yml and the Dockerfiles are checked by reading them
 * against the services as built: ports, environment variables the applications really bind, files that
 * exist, pinned images and health checks.
 */
class DeploymentDescriptorsTest {

    static final Path repository = Path.of(System.getProperty("usermodels.repository", ".."))
            .toAbsolutePath()
            .normalize();
    static final Pattern PINNED_IMAGE = Pattern.compile("[\\w./-]+:(?!latest)[\\w.-]*\\d[\\w.-]*");

    static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void readCompose() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(repository.resolve("docker-compose.yml")));
        services = (Map<String, Map<String, Object>>) compose.get("services");
    }

    @ParameterizedTest
    @ValueSource(strings = {"user-service", "profile-service", "gateway"})
    void everyEnvironmentVariableIsBoundByTheApplication(String name) {
        var built = BuiltService.read(repository, name);
        var environment = environmentOf(name);

        assertThat(environment).isNotEmpty();
        assertThat(environment.keySet())
                .allSatisfy(variable -> assertThat(built.binds(variable))
                        .as("%s binds %s", name, variable)
                        .isTrue());
    }

    @Test
    void theCheckOfEnvironmentVariablesCanFail() {
        var built = BuiltService.read(repository, "user-service");

        assertThat(built.binds("SPRING_DATASOURCE_URL")).isTrue();
        assertThat(built.binds("SPRING_DATASOURCE_URI")).isFalse();
        assertThat(built.binds("USERMODELS_GATEWAY_USER_SERVICE_URI")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"user-service", "profile-service", "gateway"})
    void dockerfileBuildsANonRootLayeredImageWithAHealthCheckOnTheServicePort(String name) throws IOException {
        var built = BuiltService.read(repository, name);
        var port = built.yaml("server.port").toString();
        var dockerfile = Files.readString(repository.resolve(name).resolve("Dockerfile"));

        assertNonRootImageOnPinnedTemurin25(dockerfile);
        assertThat(dockerfile)
                .contains("-Djarmode=tools -jar " + name + "/target/" + name + ".jar extract --layers --launcher")
                .contains("org.springframework.boot.loader.launch.JarLauncher");
        assertThat(dockerfile).containsPattern("(?m)^EXPOSE " + port + "$");
        assertThat(dockerfile)
                .as("the health check asks the actuator's port, the application's unless a deployment sets its own")
                // the shell form (CMD curl …, not CMD ["curl", …]): only a shell expands the variable
                .containsPattern(
                        "(?s)HEALTHCHECK [^\\n]*\\\\\\n\\s*CMD curl [^\\[]*localhost:\\$\\{MANAGEMENT_SERVER_PORT:-"
                                + port + "}/actuator/health/readiness");
    }

    /**
     * The heap's share of the container's memory and the caps on metaspace and code cache leave room for what the
     * JVM needs beside them (GC structures, thread stacks, buffers): at the smallest memory limit a deployment
     * gives a service (KubernetesManifestsTest checks the limits against this budget).
     */
    @ParameterizedTest
    @ValueSource(strings = {"user-service", "profile-service", "gateway"})
    void theImageLeavesTheJvmRoomBesideItsHeap(String name) throws IOException {
        var options = JvmMemory.of(Files.readString(repository.resolve(name).resolve("Dockerfile")));

        assertThat(options.heapPercentage()).isLessThanOrEqualTo(60);
        assertThat(options.metaspaceMiB()).as("metaspace cap").isBetween(160, 256);
        assertThat(options.codeCacheMiB()).as("code cache cap").isBetween(64, 128);
        assertThat(options.neededMiB(768)).isLessThanOrEqualTo(768);
        assertThat(JvmMemory.of("ENV JAVA_TOOL_OPTIONS=\"-XX:MaxRAMPercentage=75\"")
                        .neededMiB(768))
                .as("the image before: three quarters of 768 MiB for the heap and no caps")
                .isGreaterThan(768);
    }

    @Test
    void theDemoDataDockerfileRunsTheSeedersExecutableJarAndListensNowhere() throws IOException {
        var dockerfile = Files.readString(repository.resolve("platform/demo-data/Dockerfile"));
        var jar = "platform/demo-data/target/demo-data-exec.jar";

        assertNonRootImageOnPinnedTemurin25(dockerfile);
        assertThat(dockerfile).contains("-pl platform/demo-data -am package", "cp " + jar + " /demo-data.jar");
        assertThat(repository.resolve(jar)).as("the jar the Dockerfile copies").isRegularFile();
        assertThat(dockerfile).contains("COPY --from=build /demo-data.jar ./demo-data.jar");
        assertThat(dockerfile).containsPattern("(?m)^ENTRYPOINT \\[\"java\", \"-jar\", \"/app/demo-data.jar\"]$");
        assertThat(dockerfile).doesNotContainPattern("(?m)^(EXPOSE|HEALTHCHECK) ");
    }

    @Test
    @SuppressWarnings("unchecked")
    void demoDataRunsOnceWhenTheGatewayIsHealthyWithVariablesTheSeederReads() {
        var service = services.get("demo-data");
        var build = (Map<String, Object>) service.get("build");
        var gatewayPort =
                BuiltService.read(repository, "gateway").yaml("server.port").toString();
        var environment = environmentOf("demo-data");

        assertThat(repository
                        .resolve(build.get("context").toString())
                        .resolve(build.get("dockerfile").toString())
                        .normalize())
                .isEqualTo(repository.resolve("platform/demo-data/Dockerfile"))
                .isRegularFile();
        assertThat(service.get("restart")).isEqualTo("no");
        assertThat(service).doesNotContainKey("ports");
        assertThat(((Map<String, Map<String, String>>) service.get("depends_on")).get("gateway"))
                .containsEntry("condition", "service_healthy");
        assertThat(DemoData.Settings.VARIABLES).containsAll(environment.keySet());
        assertThat(environment)
                .containsEntry(DemoData.Settings.GATEWAY_URL, "http://gateway:" + gatewayPort)
                .containsEntry(DemoData.Settings.KEYCLOAK_URL, "http://keycloak:8080");
    }

    @ParameterizedTest
    @ValueSource(strings = {"user-service", "profile-service", "gateway"})
    @SuppressWarnings("unchecked")
    void composeBuildsEachServiceFromItsDockerfileAndChecksItsHealthOnItsPort(String name) {
        var service = services.get(name);
        var port = BuiltService.read(repository, name).yaml("server.port").toString();
        var build = (Map<String, Object>) service.get("build");

        assertThat(repository
                        .resolve(build.get("context").toString())
                        .resolve(build.get("dockerfile").toString()))
                .isRegularFile();
        var managementPort = environmentOf(name).get("MANAGEMENT_SERVER_PORT");

        assertThat(managementPort)
                .as("%s's actuator has a port of its own", name)
                .isNotNull()
                .isNotEqualTo(port);
        assertThat(service.get("healthcheck").toString())
                .contains("localhost:" + managementPort + "/actuator/health/readiness");
    }

    /** The optional Prometheus scrapes each service where compose runs its actuator, and Keycloak's metrics. */
    @Test
    @SuppressWarnings("unchecked")
    void prometheusScrapesEveryServiceOnItsManagementPort() throws IOException {
        var prometheus = services.get("prometheus");
        Map<String, Object> config =
                new Yaml().load(Files.readString(repository.resolve("platform/prometheus/prometheus.yml")));
        var jobs = (List<Map<String, Object>>) config.get("scrape_configs");
        var usermodels = jobs.stream()
                .filter(job -> "usermodels".equals(job.get("job_name")))
                .findFirst()
                .orElseThrow();
        var targets = ((List<Map<String, List<String>>>) usermodels.get("static_configs"))
                .getFirst()
                .get("targets");

        assertThat(prometheus.get("profiles")).isEqualTo(List.of("metrics"));
        assertThat(prometheus.get("volumes").toString()).contains("./platform/prometheus/prometheus.yml:");
        assertThat(usermodels.get("metrics_path")).isEqualTo("/actuator/prometheus");
        assertThat(targets)
                .containsExactlyInAnyOrder(List.of("user-service", "profile-service", "gateway").stream()
                        .map(name -> name + ":" + environmentOf(name).get("MANAGEMENT_SERVER_PORT"))
                        .toArray(String[]::new));
        assertThat(services.get("keycloak").get("command").toString()).contains("--metrics-enabled=true");
        assertThat(jobs)
                .anySatisfy(
                        job -> assertThat(job.get("static_configs").toString()).contains("keycloak:9000"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void onlyTheGatewayAndKeycloakArePublishedAndOnTheirPorts() {
        var gatewayPort =
                BuiltService.read(repository, "gateway").yaml("server.port").toString();

        assertThat((List<String>) services.get("gateway").get("ports")).containsExactly("8080:" + gatewayPort);
        assertThat((List<String>) services.get("keycloak").get("ports")).containsExactly("8180:8080");
        assertThat((List<String>) services.get("prometheus").get("ports"))
                .as("the optional Prometheus, on this machine only")
                .allMatch(port -> port.startsWith("127.0.0.1:"));
        assertThat(services.entrySet().stream()
                        .filter(service -> service.getValue().containsKey("ports"))
                        .map(Map.Entry::getKey))
                .as("services published on the host")
                .containsExactlyInAnyOrder("gateway", "keycloak", "prometheus");
    }

    @Test
    @SuppressWarnings("unchecked")
    void postgresIsHealthyOnlyOnceItsInitScriptsHaveRun() {
        var check = String.join(" ", (List<String>)
                ((Map<String, Object>) services.get("postgres").get("healthcheck")).get("test"));

        // over TCP, which the image opens only after /docker-entrypoint-initdb.d has run
        assertThat(check).contains("pg_isready").contains("-h 127.0.0.1");
    }

    @Test
    void everyLongRunningServiceIsRestartedAndTheOneShotSeederIsNot() {
        services.forEach((name, service) -> {
            if (service.containsKey("healthcheck")) {
                assertThat(service.get("restart"))
                        .as("restart policy of %s", name)
                        .isEqualTo("unless-stopped");
            }
        });
        assertThat(services.get("demo-data").get("restart")).isEqualTo("no");
        assertThat(services).hasSizeGreaterThan(1);
    }

    @Test
    void everyImageIsPinnedAndEveryLongRunningServiceHasAHealthCheck() {
        services.forEach((name, service) -> {
            assertThat(service.get("image").toString()).as("image of %s", name).matches(PINNED_IMAGE);
            if (!"no".equals(service.get("restart"))) {
                assertThat(service).as("health check of %s", name).containsKey("healthcheck");
            }
        });
        assertThat(services)
                .as("one-shot services run no health check")
                .hasEntrySatisfying("demo-data", service -> assertThat(service).doesNotContainKey("healthcheck"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void servicesWaitForWhatTheyNeedToBeHealthy() {
        services.forEach((name, service) -> {
            var dependsOn = (Map<String, Map<String, String>>) service.getOrDefault("depends_on", Map.of());
            dependsOn.forEach((dependency, condition) -> assertThat(condition)
                    .as("%s waits for %s", name, dependency)
                    .containsEntry("condition", "service_healthy"));
        });
        assertThat(services.get("gateway").get("depends_on").toString()).contains("user-service", "profile-service");
    }

    @Test
    @SuppressWarnings("unchecked")
    void keycloakImportsTheOneRealmFileAndPinsItsHostname() {
        var keycloak = services.get("keycloak");
        var volumes = (List<String>) keycloak.get("volumes");

        assertThat(volumes).anySatisfy(volume -> {
            var hostPath = volume.split(":")[0];
            assertThat(repository.resolve(hostPath).normalize())
                    .isEqualTo(repository.resolve("platform/keycloak/usermodels-realm.json"));
            assertThat(volume).contains(":/opt/keycloak/data/import/");
        });
        assertThat((List<String>) keycloak.get("command"))
                .contains("--import-realm", "--hostname=http://localhost:8180");
        assertThat(keycloak.get("image").toString())
                .endsWith(":" + org.usermodels.platform.infra.KeycloakDistribution.buildVersion());
    }

    @Test
    @SuppressWarnings("unchecked")
    void postgresInitialisesTheDatabaseAndRolesOfEachService() throws IOException {
        var volumes = (List<String>) services.get("postgres").get("volumes");
        var initDirectory = repository.resolve(volumes.stream()
                .filter(volume -> volume.contains("/docker-entrypoint-initdb.d"))
                .findFirst()
                .orElseThrow()
                .split(":")[0]);
        var script = Files.readString(initDirectory.resolve("01-databases.sql"));

        for (var name : List.of("user-service", "profile-service")) {
            assertInitialisesTheDatabaseOf(script, environmentOf(name));
        }
        assertThat(script)
                .as("user-service's migration role owns the search functions that bypass row-level security")
                .contains("alter role %s bypassrls;"
                        .formatted(environmentOf("user-service").get("SPRING_FLYWAY_USER")))
                .doesNotContain("alter role %s bypassrls"
                        .formatted(environmentOf("user-service").get("SPRING_DATASOURCE_USERNAME")));
    }

    /**
     * The init script creates the database of a service's {@code SPRING_DATASOURCE_URL} on the server named
     * {@code postgres}, owned by the migration role ({@code SPRING_FLYWAY_*}), and the application role
     * ({@code SPRING_DATASOURCE_*}), which is not the owner, each with the password the service is given.
     */
    static void assertInitialisesTheDatabaseOf(String script, Map<String, String> environment) {
        var database = environment.get("SPRING_DATASOURCE_URL").replaceAll(".*/", "");
        var owner = environment.get("SPRING_FLYWAY_USER");
        var app = environment.get("SPRING_DATASOURCE_USERNAME");
        assertThat(environment.get("SPRING_DATASOURCE_URL")).startsWith("jdbc:postgresql://postgres:5432/");
        assertThat(app).as("the application role is not the owner").isNotEqualTo(owner);
        assertThat(script)
                .contains("create role %s with login password '%s';"
                        .formatted(owner, environment.get("SPRING_FLYWAY_PASSWORD")))
                .contains("create role %s with login password '%s';"
                        .formatted(app, environment.get("SPRING_DATASOURCE_PASSWORD")))
                .contains("create database %s owner %s;".formatted(database, owner));
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> environmentOf(String service) {
        return (Map<String, String>) services.get(service).get("environment");
    }

    /** Multi-stage on pinned Temurin 25 images, run as a user other than root. */
    static void assertNonRootImageOnPinnedTemurin25(String dockerfile) {
        assertThat(Pattern.compile("(?m)^FROM ").matcher(dockerfile).results().count())
                .as("multi-stage")
                .isGreaterThanOrEqualTo(2);
        assertThat(dockerfile).containsPattern("(?m)^FROM eclipse-temurin:25[\\w.]*-jdk[\\w-]* AS build$");
        assertThat(dockerfile).containsPattern("(?m)^FROM eclipse-temurin:25[\\w.]*-jre[\\w-]*$");
        assertThat(dockerfile).containsPattern("(?m)^USER (?!root|0[:\\s])\\S+");
        assertThat(fromImages(dockerfile))
                .allMatch(image -> PINNED_IMAGE.matcher(image).matches());
    }

    static List<String> fromImages(String dockerfile) {
        return Pattern.compile("(?m)^FROM (\\S+)")
                .matcher(dockerfile)
                .results()
                .map(match -> match.group(1))
                .toList();
    }
}
