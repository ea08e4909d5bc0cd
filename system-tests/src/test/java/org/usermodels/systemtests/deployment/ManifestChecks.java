package org.usermodels.systemtests.deployment;

import static org.usermodels.systemtests.deployment.RenderedOverlay.allContainers;
import static org.usermodels.systemtests.deployment.RenderedOverlay.at;
import static org.usermodels.systemtests.deployment.RenderedOverlay.containers;
import static org.usermodels.systemtests.deployment.RenderedOverlay.list;
import static org.usermodels.systemtests.deployment.RenderedOverlay.mainContainer;
import static org.usermodels.systemtests.deployment.RenderedOverlay.map;
import static org.usermodels.systemtests.deployment.RenderedOverlay.nameOf;
import static org.usermodels.systemtests.deployment.RenderedOverlay.podSpec;
import static org.usermodels.systemtests.deployment.RenderedOverlay.resolvePort;
import static org.usermodels.systemtests.deployment.RenderedOverlay.string;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.usermodels.systemtests.deployment.NetworkPolicies.Outside;
import org.usermodels.systemtests.deployment.NetworkPolicies.Pod;

/**
 * The checks of a rendered Kubernetes overlay against the services as built. Each returns the problems it found,
 * one readable sentence each, so that a test can show them all at once and prove, on an altered overlay, that
 * the check finds what it is for.
 */
final class ManifestChecks {

    static final Pattern URL = Pattern.compile("^(?:jdbc:)?([a-z][a-z0-9+.-]*)://([^/:?#]+)(?::(\\d+))?.*");
    static final Map<String, Integer> DEFAULT_PORTS = Map.of("http", 80, "https", 443, "postgresql", 5432);

    private ManifestChecks() {}

    /** A property's value in a container: from its environment (relaxed binding) if set there, else the yml's. */
    static String effective(BuiltService app, Map<String, String> environment, String property) {
        var variable = BuiltService.canonical(BuiltService.environmentVariableOf(property));
        for (var entry : environment.entrySet()) {
            if (BuiltService.canonical(entry.getKey()).equals(variable) && entry.getValue() != null) {
                return entry.getValue();
            }
        }
        var value = app.yaml(property);
        return value == null ? null : value.toString();
    }

    /** Each service's container listens on its {@code server.port}, and its Service forwards to that port. */
    static List<String> ports(RenderedOverlay overlay, Collection<BuiltService> apps) {
        var problems = new ArrayList<String>();
        for (var app : apps) {
            var workload = overlay.workload(app.name());
            if (workload.isEmpty()) {
                problems.add("%s has no workload".formatted(app.name()));
                continue;
            }
            var container = mainContainer(workload.get());
            var serverPort = Integer.parseInt(effective(app, overlay.environment(container), "server.port"));
            var http = resolvePort("http", List.of(container));
            if (http != serverPort) {
                problems.add("%s: the container's port http is %d, the application's server.port %d"
                        .formatted(app.name(), http, serverPort));
            }
            var service = overlay.find("Service", app.name());
            if (service.isEmpty()) {
                problems.add("%s has no Service".formatted(app.name()));
            } else if (list(at(service.get(), "spec", "ports")).stream()
                    .noneMatch(port -> resolvePort(port.get("targetPort"), List.of(container)) == serverPort)) {
                problems.add("%s: its Service forwards to no port the application listens on (%d)"
                        .formatted(app.name(), serverPort));
            }
        }
        return problems;
    }

    /**
     * Each service's probes ask its actuator's liveness and readiness groups, and the application has them: health
     * exposed over HTTP, probes enabled. The actuator has a port of its own ({@code management.server.port}, where
     * the Prometheus scrape is open), which the container declares as {@code management} and the probes ask.
     */
    static List<String> probes(RenderedOverlay overlay, Collection<BuiltService> apps) {
        var problems = new ArrayList<String>();
        for (var app : apps) {
            var workload = overlay.workload(app.name());
            if (workload.isEmpty()) {
                continue;
            }
            var container = mainContainer(workload.get());
            var environment = overlay.environment(container);
            var serverPort = Integer.parseInt(effective(app, environment, "server.port"));
            var basePath = string(effective(app, environment, "management.endpoints.web.base-path"), "/actuator");
            var managementPort = effective(app, environment, "management.server.port");
            var actuatorPort = managementPort == null ? serverPort : Integer.parseInt(managementPort);
            if (actuatorPort == serverPort) {
                problems.add("%s: the actuator shares the application's port %d, so its scrape would be public"
                        .formatted(app.name(), serverPort));
            } else if (resolvePort("management", List.of(container)) != actuatorPort) {
                problems.add("%s: the container's port management is not the actuator's port %d"
                        .formatted(app.name(), actuatorPort));
            }
            var exposed = List.of(string(effective(app, environment, "management.endpoints.web.exposure.include"), "")
                    .replaceAll("[\\[\\]\\s]", "")
                    .split(","));
            if (!exposed.contains("health") && !exposed.contains("*")) {
                problems.add("%s does not expose the health endpoint over HTTP".formatted(app.name()));
            }
            if (!exposed.contains("prometheus") && !exposed.contains("*")) {
                problems.add("%s does not expose the Prometheus scrape over HTTP".formatted(app.name()));
            }
            if (!"true".equals(effective(app, environment, "management.endpoint.health.probes.enabled"))) {
                problems.add("%s has no liveness and readiness groups (management.endpoint.health.probes.enabled)"
                        .formatted(app.name()));
            }
            var expected = Map.of(
                    "livenessProbe", basePath + "/health/liveness",
                    "readinessProbe", basePath + "/health/readiness",
                    "startupProbe", basePath + "/health/liveness");
            expected.forEach((probe, path) -> {
                var httpGet = map(at(container, probe, "httpGet"));
                if (!path.equals(httpGet.get("path"))) {
                    problems.add("%s: %s asks %s, not %s".formatted(app.name(), probe, httpGet.get("path"), path));
                } else if (resolvePort(httpGet.get("port"), List.of(container)) != actuatorPort) {
                    problems.add("%s: %s asks port %s, not the actuator's %d"
                            .formatted(app.name(), probe, httpGet.get("port"), actuatorPort));
                }
            });
            var annotations = map(at(workload.get(), "spec", "template", "metadata", "annotations"));
            if (!"true".equals(annotations.get("prometheus.io/scrape"))
                    || !String.valueOf(actuatorPort).equals(annotations.get("prometheus.io/port"))
                    || !(basePath + "/prometheus").equals(annotations.get("prometheus.io/path"))) {
                problems.add("%s's pods do not announce their scrape (prometheus.io/scrape, port %d, path %s)"
                        .formatted(app.name(), actuatorPort, basePath + "/prometheus"));
            }
        }
        return problems;
    }

    /** Every variable set on a service's container is one the application binds (none is silently ignored). */
    static List<String> environmentVariables(RenderedOverlay overlay, Collection<BuiltService> apps) {
        var problems = new ArrayList<String>();
        for (var app : apps) {
            overlay.workload(app.name()).ifPresent(workload -> {
                for (var container : allContainers(workload)) {
                    overlay.environment(container).keySet().stream()
                            .filter(variable -> !app.binds(variable))
                            .forEach(variable -> problems.add(
                                    "%s sets %s, which the application does not bind".formatted(app.name(), variable)));
                }
            });
        }
        return problems;
    }

    /** Each service runs the image docker compose builds for it. */
    static List<String> images(RenderedOverlay overlay, Map<String, String> composeImages) {
        var problems = new ArrayList<String>();
        composeImages.forEach((name, image) -> overlay.workload(name).ifPresent(workload -> {
            var actual = mainContainer(workload).get("image");
            if (!image.equals(actual)) {
                problems.add("%s runs %s, docker compose builds %s".formatted(name, actual, image));
            }
        }));
        return problems;
    }

    /**
     * Everything that names another object finds it: Services, PodDisruptionBudgets and NetworkPolicies select
     * pods of a workload, autoscalers scale a workload (whose containers request what they measure), the
     * Ingress names a Service's port, and every ConfigMap a pod uses exists with the keys it takes.
     */
    static List<String> references(RenderedOverlay overlay) {
        var problems = new ArrayList<String>();
        for (var workload : overlay.workloads()) {
            if (!Selectors.matches(map(at(workload, "spec", "selector")), RenderedOverlay.podLabels(workload))) {
                problems.add("%s's selector does not select its own pods".formatted(nameOf(workload)));
            }
            configMapReferences(overlay, workload, problems);
        }
        for (var service : overlay.ofKind("Service")) {
            var selector = map(at(service, "spec", "selector"));
            var selected = overlay.workloads().stream()
                    .filter(workload -> Selectors.matchesServiceSelector(selector, RenderedOverlay.podLabels(workload)))
                    .toList();
            if (selected.isEmpty()) {
                problems.add("Service %s selects no workload's pods".formatted(nameOf(service)));
            }
            for (var port : list(at(service, "spec", "ports"))) {
                for (var workload : selected) {
                    if (resolvePort(port.getOrDefault("targetPort", port.get("port")), containers(workload)) == -1) {
                        problems.add("Service %s forwards to port %s, which %s does not declare"
                                .formatted(nameOf(service), port.get("targetPort"), nameOf(workload)));
                    }
                }
            }
        }
        for (var budget : overlay.ofKind("PodDisruptionBudget")) {
            if (overlay.workloadsSelectedBy(map(at(budget, "spec", "selector"))).isEmpty()) {
                problems.add("PodDisruptionBudget %s selects no workload's pods".formatted(nameOf(budget)));
            }
        }
        for (var autoscaler : overlay.ofKind("HorizontalPodAutoscaler")) {
            var target = map(at(autoscaler, "spec", "scaleTargetRef"));
            var workload = overlay.find(string(target.get("kind"), ""), string(target.get("name"), ""));
            if (workload.isEmpty()) {
                problems.add("HorizontalPodAutoscaler %s scales %s %s, which does not exist"
                        .formatted(nameOf(autoscaler), target.get("kind"), target.get("name")));
                continue;
            }
            for (var metric : list(at(autoscaler, "spec", "metrics"))) {
                var resource = string(at(metric, "resource", "name"), null);
                if (resource != null
                        && containers(workload.get()).stream()
                                .anyMatch(container -> at(container, "resources", "requests", resource) == null)) {
                    problems.add("HorizontalPodAutoscaler %s measures %s, which a container of %s does not request"
                            .formatted(nameOf(autoscaler), resource, nameOf(workload.get())));
                }
            }
        }
        for (var policy : overlay.ofKind("NetworkPolicy")) {
            var podSelector = map(at(policy, "spec", "podSelector"));
            if (!podSelector.isEmpty()
                    && overlay.workloadsSelectedBy(podSelector).isEmpty()) {
                problems.add("NetworkPolicy %s applies to no workload's pods".formatted(nameOf(policy)));
            }
            for (var direction : List.of(List.of("ingress", "from"), List.of("egress", "to"))) {
                for (var rule : list(at(policy, "spec", direction.get(0)))) {
                    for (var peer : list(rule.get(direction.get(1)))) {
                        var selector = peer.get("podSelector");
                        if (selector != null
                                && !peer.containsKey("namespaceSelector")
                                && overlay.workloadsSelectedBy(map(selector)).isEmpty()) {
                            problems.add("NetworkPolicy %s names pods %s, which no workload has"
                                    .formatted(nameOf(policy), selector));
                        }
                    }
                }
            }
        }
        for (var ingress : overlay.ofKind("Ingress")) {
            for (var rule : list(at(ingress, "spec", "rules"))) {
                for (var path : list(at(rule, "http", "paths"))) {
                    var backend = map(at(path, "backend", "service"));
                    var service = overlay.find("Service", string(backend.get("name"), ""));
                    var port = map(backend.get("port"));
                    var known = service.map(found -> list(at(found, "spec", "ports")).stream()
                                    .anyMatch(declared -> declared.get("name") != null
                                                    && declared.get("name").equals(port.get("name"))
                                            || declared.get("port").equals(port.get("number"))))
                            .orElse(false);
                    if (!known) {
                        problems.add("Ingress %s sends %s to Service %s port %s, which does not exist"
                                .formatted(nameOf(ingress), path.get("path"), backend.get("name"), port));
                    }
                }
            }
        }
        return problems;
    }

    private static void configMapReferences(
            RenderedOverlay overlay, Map<String, Object> workload, List<String> problems) {
        var references = new ArrayList<Map.Entry<String, String>>();
        for (var container : allContainers(workload)) {
            for (var source : list(container.get("envFrom"))) {
                var name = at(source, "configMapRef", "name");
                if (name != null) {
                    references.add(Map.entry(name.toString(), ""));
                }
            }
            for (var variable : list(container.get("env"))) {
                var keyRef = map(at(variable, "valueFrom", "configMapKeyRef"));
                if (!keyRef.isEmpty()) {
                    references.add(Map.entry(string(keyRef.get("name"), ""), string(keyRef.get("key"), "")));
                }
            }
        }
        for (var volume : list(podSpec(workload).get("volumes"))) {
            var name = at(volume, "configMap", "name");
            if (name != null) {
                references.add(Map.entry(name.toString(), ""));
            }
        }
        for (var reference : references) {
            var configMap = overlay.find("ConfigMap", reference.getKey());
            if (configMap.isEmpty()) {
                problems.add(
                        "%s uses ConfigMap %s, which does not exist".formatted(nameOf(workload), reference.getKey()));
            } else if (!reference.getValue().isEmpty()
                    && !map(configMap.get().get("data")).containsKey(reference.getValue())) {
                problems.add("%s uses key %s of ConfigMap %s, which it does not have"
                        .formatted(nameOf(workload), reference.getValue(), reference.getKey()));
            }
        }
    }

    /** Every Secret the overlay's objects use, with the keys they take from it (the TLS keys for an Ingress). */
    static Map<String, Set<String>> secretReferences(RenderedOverlay overlay) {
        var references = new TreeMap<String, Set<String>>();
        for (var workload : overlay.workloads()) {
            for (var container : allContainers(workload)) {
                for (var source : list(container.get("envFrom"))) {
                    var name = at(source, "secretRef", "name");
                    if (name != null) {
                        references.computeIfAbsent(name.toString(), key -> new TreeSet<>());
                    }
                }
                for (var variable : list(container.get("env"))) {
                    var keyRef = map(at(variable, "valueFrom", "secretKeyRef"));
                    if (!keyRef.isEmpty()) {
                        references
                                .computeIfAbsent(string(keyRef.get("name"), ""), key -> new TreeSet<>())
                                .add(string(keyRef.get("key"), ""));
                    }
                }
            }
            for (var volume : list(podSpec(workload).get("volumes"))) {
                var name = at(volume, "secret", "secretName");
                if (name != null) {
                    references.computeIfAbsent(name.toString(), key -> new TreeSet<>());
                }
            }
        }
        for (var ingress : overlay.ofKind("Ingress")) {
            for (var tls : list(at(ingress, "spec", "tls"))) {
                references
                        .computeIfAbsent(string(tls.get("secretName"), ""), key -> new TreeSet<>())
                        .addAll(List.of("tls.crt", "tls.key"));
            }
        }
        return references;
    }

    /** Every Secret the overlay uses is in the overlay, with every key taken from it. */
    static List<String> secretsPresent(RenderedOverlay overlay) {
        var problems = new ArrayList<String>();
        secretReferences(overlay).forEach((name, keys) -> {
            var secret = overlay.find("Secret", name);
            if (secret.isEmpty()) {
                problems.add("Secret %s is used but not in the overlay".formatted(name));
            } else {
                var present = RenderedOverlay.secretData(secret.get()).keySet();
                keys.stream()
                        .filter(key -> !present.contains(key))
                        .forEach(key -> problems.add("Secret %s has no key %s".formatted(name, key)));
            }
        });
        return problems;
    }

    /** A connection that a container's configuration asks for: a URL in one of its variables. */
    record Need(String client, String variable, String host, int port, String server) {

        boolean external() {
            return server == null;
        }
    }

    /**
     * The connections the workloads' configurations ask for: every variable whose value is a URL (http, https,
     * jdbc:postgresql) names a host and port. A host that is a Service of the overlay is a connection to the pods
     * it selects, on the port it forwards to; {@code localhost} is the pod itself (an issuer that is only compared,
     * never called); anything else is outside the cluster.
     */
    static List<Need> needs(RenderedOverlay overlay, List<String> problems) {
        var needs = new ArrayList<Need>();
        var namespace = overlay.namespace();
        for (var workload : overlay.workloads()) {
            for (var container : allContainers(workload)) {
                overlay.environment(container).forEach((variable, value) -> {
                    var url = value == null ? null : URL.matcher(value);
                    if (url == null || !url.matches() || url.group(2).equals("localhost")) {
                        return;
                    }
                    var host = url.group(2);
                    var port = url.group(3) != null
                            ? Integer.parseInt(url.group(3))
                            : DEFAULT_PORTS.getOrDefault(url.group(1), -1);
                    var labels = host.split("\\.");
                    var inCluster = labels.length == 1
                            || (labels[1].equals(namespace) && (labels.length == 2 || labels[2].equals("svc")));
                    if (!inCluster) {
                        needs.add(new Need(nameOf(workload), variable, host, port, null));
                        return;
                    }
                    var service = overlay.find("Service", labels[0]);
                    if (service.isEmpty()) {
                        problems.add("%s: %s names %s, which is no Service of the overlay"
                                .formatted(nameOf(workload), variable, host));
                        return;
                    }
                    var servicePort = list(at(service.get(), "spec", "ports")).stream()
                            .filter(declared -> declared.get("port").equals(port))
                            .findFirst();
                    if (servicePort.isEmpty()) {
                        problems.add("%s: %s names port %d of Service %s, which it does not have"
                                .formatted(nameOf(workload), variable, port, host));
                        return;
                    }
                    var selector = map(at(service.get(), "spec", "selector"));
                    for (var server : overlay.workloads()) {
                        if (Selectors.matchesServiceSelector(selector, RenderedOverlay.podLabels(server))) {
                            var target = servicePort.get().getOrDefault("targetPort", port);
                            needs.add(new Need(
                                    nameOf(workload),
                                    variable,
                                    host,
                                    resolvePort(target, containers(server)),
                                    nameOf(server)));
                        }
                    }
                });
            }
        }
        return needs;
    }

    /** The Prometheus the scrape is for: kube-prometheus-stack's, in the monitoring namespace. */
    static final Pod SCRAPER = new Pod(
            "prometheus",
            Map.of("app.kubernetes.io/name", "prometheus"),
            Map.of("kubernetes.io/metadata.name", "monitoring"),
            List.of());

    /** Pods the scrape port must refuse: a Prometheus of another namespace, another pod of the monitoring one. */
    static final List<Pod> STRANGERS = List.of(
            new Pod(
                    "a Prometheus of another namespace",
                    Map.of("app.kubernetes.io/name", "prometheus"),
                    Map.of("kubernetes.io/metadata.name", "elsewhere"),
                    List.of()),
            new Pod(
                    "another pod of the monitoring namespace",
                    Map.of("app.kubernetes.io/name", "grafana"),
                    Map.of("kubernetes.io/metadata.name", "monitoring"),
                    List.of()));

    /** The port a workload's pods announce for the scrape ({@code prometheus.io/port}), or -1. */
    static int scrapePort(Map<String, Object> workload) {
        var annotations = map(at(workload, "spec", "template", "metadata", "annotations"));
        if (!"true".equals(annotations.get("prometheus.io/scrape")) || annotations.get("prometheus.io/port") == null) {
            return -1;
        }
        return Integer.parseInt(annotations.get("prometheus.io/port").toString());
    }

    /**
     * The NetworkPolicies allow exactly what the configuration needs: traffic is denied by default; every
     * connection a workload's configuration asks for is allowed (egress and ingress); every pod can resolve
     * names; a workload that is not public accepts no workload that does not call it, and nothing from outside;
     * a public one is reachable from outside on its ports. The port a pod announces for the Prometheus scrape is
     * open to the monitoring namespace's Prometheus and to nothing else, public workload or not.
     */
    static List<String> networkPolicies(RenderedOverlay overlay, Set<String> publicWorkloads) {
        var problems = new ArrayList<String>();
        var policies = new NetworkPolicies(overlay);
        var defaultDeny = overlay.ofKind("NetworkPolicy").stream()
                .anyMatch(policy -> map(at(policy, "spec", "podSelector")).isEmpty()
                        && list(at(policy, "spec", "policyTypes")).size() == 2
                        && !map(policy.get("spec")).containsKey("ingress")
                        && !map(policy.get("spec")).containsKey("egress"));
        if (!defaultDeny) {
            problems.add("no NetworkPolicy denies all traffic by default");
        }
        var pods = new LinkedHashMap<String, Pod>();
        overlay.workloads().forEach(workload -> pods.put(nameOf(workload), policies.pod(workload)));

        var needs = needs(overlay, problems);
        var callers = new LinkedHashMap<String, Set<String>>();
        for (var need : needs) {
            var client = pods.get(need.client());
            var allowed = need.external()
                    ? policies.allows(client, new Outside(), need.port(), "TCP")
                    : policies.allows(client, pods.get(need.server()), need.port(), "TCP");
            if (!allowed) {
                problems.add("%s cannot reach %s on port %d, which its %s needs"
                        .formatted(
                                need.client(),
                                need.external() ? need.host() : need.server(),
                                need.port(),
                                need.variable()));
            }
            if (!need.external()) {
                callers.computeIfAbsent(need.server(), key -> new LinkedHashSet<>())
                        .add(need.client());
            }
        }

        var dns = new Pod(
                "kube-dns",
                Map.of("k8s-app", "kube-dns"),
                Map.of("kubernetes.io/metadata.name", "kube-system"),
                List.of());
        pods.values().stream()
                .filter(pod -> !policies.allows(pod, dns, 53, "UDP"))
                .forEach(pod -> problems.add("%s cannot resolve names (UDP 53 to kube-dns)".formatted(pod.name())));

        for (var server : pods.values()) {
            var workload = overlay.workload(server.name()).orElseThrow();
            var scrapePort = scrapePort(workload);
            var ports = containers(workload).stream()
                    .flatMap(container -> list(container.get("ports")).stream())
                    .map(port -> ((Number) port.get("containerPort")).intValue())
                    .filter(port -> port != scrapePort)
                    .toList();
            if (scrapePort != -1) {
                if (!policies.allows(SCRAPER, server, scrapePort, "TCP")) {
                    problems.add("Prometheus in the monitoring namespace cannot scrape %s on port %d"
                            .formatted(server.name(), scrapePort));
                }
                for (var stranger : STRANGERS) {
                    if (policies.allows(stranger, server, scrapePort, "TCP")) {
                        problems.add("%s's scrape port %d is open to %s"
                                .formatted(server.name(), scrapePort, stranger.name()));
                    }
                }
                pods.values().stream()
                        .filter(client -> client != server && policies.allows(client, server, scrapePort, "TCP"))
                        .forEach(client -> problems.add("%s may reach %s's scrape port %d"
                                .formatted(client.name(), server.name(), scrapePort)));
            }
            if (publicWorkloads.contains(server.name())) {
                ports.stream()
                        .filter(port -> !policies.allows(new Outside(), server, port, "TCP"))
                        .forEach(port -> problems.add(
                                "%s is not reachable from outside on port %d".formatted(server.name(), port)));
                continue;
            }
            ports.stream()
                    .filter(port -> policies.allows(new Outside(), server, port, "TCP"))
                    .forEach(port -> problems.add(
                            "%s is reachable from outside the namespace on port %d".formatted(server.name(), port)));
            var expected = callers.getOrDefault(server.name(), Set.of());
            for (var client : pods.values()) {
                if (client != server && !expected.contains(client.name())) {
                    ports.stream()
                            .filter(port -> policies.allows(client, server, port, "TCP"))
                            .forEach(port ->
                                    problems.add("%s may reach %s on port %d, though its configuration never calls it"
                                            .formatted(client.name(), server.name(), port)));
                }
            }
        }
        return problems;
    }

    /**
     * Every pod runs hardened and within bounds: no service-link variables or API token, no privilege escalation,
     * no capabilities, a non-root user, CPU and memory requests and a memory limit. The services run as their
     * image's user with a read-only root file system and a writable /tmp, and leave their replica count to their
     * autoscaler.
     */
    static List<String> hardening(RenderedOverlay overlay, Map<String, Integer> imageUsers) {
        var problems = new ArrayList<String>();
        var autoscaled = overlay.ofKind("HorizontalPodAutoscaler").stream()
                .map(autoscaler -> string(at(autoscaler, "spec", "scaleTargetRef", "name"), ""))
                .toList();
        for (var workload : overlay.workloads()) {
            var name = nameOf(workload);
            var pod = podSpec(workload);
            if (!Boolean.FALSE.equals(pod.get("enableServiceLinks"))) {
                problems.add("%s gets service-link variables (enableServiceLinks is not false)".formatted(name));
            }
            if (!Boolean.FALSE.equals(pod.get("automountServiceAccountToken"))) {
                problems.add("%s mounts a service account token it does not use".formatted(name));
            }
            if (!Boolean.TRUE.equals(at(pod, "securityContext", "runAsNonRoot"))) {
                problems.add("%s may run as root".formatted(name));
            }
            for (var container : allContainers(workload)) {
                if (!Boolean.FALSE.equals(at(container, "securityContext", "allowPrivilegeEscalation"))) {
                    problems.add("%s/%s allows privilege escalation".formatted(name, container.get("name")));
                }
                if (!String.valueOf(at(container, "securityContext", "capabilities", "drop"))
                        .equals("[ALL]")) {
                    problems.add("%s/%s keeps capabilities".formatted(name, container.get("name")));
                }
                for (var bound : List.of("requests.cpu", "requests.memory", "limits.memory")) {
                    var path = bound.split("\\.");
                    if (at(container, "resources", path[0], path[1]) == null) {
                        problems.add("%s/%s has no %s".formatted(name, container.get("name"), bound));
                    }
                }
            }
            if (autoscaled.contains(name) && map(workload.get("spec")).containsKey("replicas")) {
                problems.add("%s sets replicas, which its autoscaler owns (an apply would reset it)".formatted(name));
            }
            var user = imageUsers.get(name);
            if (user == null) {
                continue;
            }
            if (!user.equals(at(pod, "securityContext", "runAsUser"))) {
                problems.add("%s runs as %s, its image as %d"
                        .formatted(name, at(pod, "securityContext", "runAsUser"), user));
            }
            var container = mainContainer(workload);
            if (!Boolean.TRUE.equals(at(container, "securityContext", "readOnlyRootFilesystem"))) {
                problems.add("%s's root file system is writable".formatted(name));
            }
            var emptyDirs = list(pod.get("volumes")).stream()
                    .filter(volume -> volume.containsKey("emptyDir"))
                    .map(volume -> volume.get("name"))
                    .toList();
            if (list(container.get("volumeMounts")).stream()
                    .noneMatch(
                            mount -> "/tmp".equals(mount.get("mountPath")) && emptyDirs.contains(mount.get("name")))) {
                problems.add("%s has no writable /tmp (an emptyDir)".formatted(name));
            }
        }
        return problems;
    }
}
