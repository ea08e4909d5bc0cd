package org.usermodels.systemtests.deployment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.yaml.snakeyaml.Yaml;

/**
 * The objects of one Kustomize overlay as {@code kubectl kustomize} renders them, as plain YAML maps (so that a
 * test may alter one to prove that a check catches the change), with the few look-ups the checks need.
 */
record RenderedOverlay(String name, List<Map<String, Object>> objects) {

    static final List<String> WORKLOAD_KINDS = List.of("Deployment", "StatefulSet");

    /** Renders {@code directory} with {@code kubectl kustomize}; throws with kubectl's message when it fails. */
    static String render(Path kubectl, Path directory) throws IOException, InterruptedException {
        var process = new ProcessBuilder(kubectl.toString(), "kustomize", directory.toString())
                .redirectErrorStream(false)
                .start();
        var stderr = new StringBuilder();
        var errors = Thread.ofVirtual().start(() -> {
            try {
                stderr.append(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                stderr.append(e);
            }
        });
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("kubectl kustomize " + directory + " did not finish");
        }
        errors.join();
        if (process.exitValue() != 0) {
            throw new IllegalStateException("kubectl kustomize " + directory + " failed: " + stderr);
        }
        return output;
    }

    @SuppressWarnings("unchecked")
    static RenderedOverlay parse(String name, String renderedYaml) {
        var objects = new ArrayList<Map<String, Object>>();
        for (var document : new Yaml().loadAll(renderedYaml)) {
            if (document != null) {
                objects.add((Map<String, Object>) document);
            }
        }
        return new RenderedOverlay(name, objects);
    }

    /** Where kubectl is: {@code -Dusermodels.kubectl}, else the first one on the PATH; empty when there is none. */
    static Optional<Path> findKubectl() {
        var configured = System.getProperty("usermodels.kubectl");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        var path = System.getenv().getOrDefault("PATH", "");
        for (var directory : path.split(java.io.File.pathSeparator)) {
            if (!directory.isEmpty()) {
                var candidate = Path.of(directory, "kubectl");
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** The namespace of the overlay's namespaced objects ({@code default} when none is set). */
    String namespace() {
        return objects.stream()
                .map(object -> string(at(object, "metadata", "namespace"), null))
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse("default");
    }

    List<Map<String, Object>> ofKind(String kind) {
        return objects.stream()
                .filter(object -> kind.equals(object.get("kind")))
                .toList();
    }

    Optional<Map<String, Object>> find(String kind, String objectName) {
        return ofKind(kind).stream()
                .filter(object -> objectName.equals(nameOf(object)))
                .findFirst();
    }

    List<Map<String, Object>> workloads() {
        return objects.stream()
                .filter(object -> WORKLOAD_KINDS.contains(object.get("kind")))
                .toList();
    }

    Optional<Map<String, Object>> workload(String workloadName) {
        return workloads().stream()
                .filter(object -> workloadName.equals(nameOf(object)))
                .findFirst();
    }

    /** The workloads whose pods a label selector ({@code matchLabels}/{@code matchExpressions}) selects. */
    List<Map<String, Object>> workloadsSelectedBy(Map<String, Object> selector) {
        return workloads().stream()
                .filter(workload -> Selectors.matches(selector, podLabels(workload)))
                .toList();
    }

    /**
     * The environment of a container as Kubernetes would give it: {@code envFrom} ConfigMaps and Secrets first,
     * then {@code env}, which wins. A value from a Secret, or from anything missing, is {@code null}: only its
     * name is known.
     */
    Map<String, String> environment(Map<String, Object> container) {
        var environment = new LinkedHashMap<String, String>();
        for (var source : list(container.get("envFrom"))) {
            var prefix = string(source.get("prefix"), "");
            var configMap = map(source.get("configMapRef"));
            if (!configMap.isEmpty()) {
                find("ConfigMap", string(configMap.get("name"), ""))
                        .ifPresent(found -> map(found.get("data"))
                                .forEach((key, value) -> environment.put(prefix + key, String.valueOf(value))));
            }
            var secret = map(source.get("secretRef"));
            if (!secret.isEmpty()) {
                find("Secret", string(secret.get("name"), ""))
                        .ifPresent(found ->
                                secretData(found).keySet().forEach(key -> environment.put(prefix + key, null)));
            }
        }
        for (var variable : list(container.get("env"))) {
            var name = string(variable.get("name"), "");
            if (variable.containsKey("value")) {
                environment.put(name, String.valueOf(variable.get("value")));
            } else {
                var configMapKey = map(map(variable.get("valueFrom")).get("configMapKeyRef"));
                environment.put(
                        name,
                        configMapKey.isEmpty()
                                ? null
                                : find("ConfigMap", string(configMapKey.get("name"), ""))
                                        .map(found -> map(found.get("data")).get(configMapKey.get("key")))
                                        .map(String::valueOf)
                                        .orElse(null));
            }
        }
        return environment;
    }

    /** A Secret's keys and decoded values, from {@code data} (base64) and {@code stringData}. */
    static Map<String, String> secretData(Map<String, Object> secret) {
        var values = new LinkedHashMap<String, String>();
        map(secret.get("data"))
                .forEach((key, value) -> values.put(
                        key, new String(Base64.getDecoder().decode(String.valueOf(value)), StandardCharsets.UTF_8)));
        map(secret.get("stringData")).forEach((key, value) -> values.put(key, String.valueOf(value)));
        return values;
    }

    static String nameOf(Map<String, Object> object) {
        return string(map(object.get("metadata")).get("name"), "");
    }

    static Map<String, Object> podSpec(Map<String, Object> workload) {
        return map(map(map(workload.get("spec")).get("template")).get("spec"));
    }

    static Map<String, Object> podLabels(Map<String, Object> workload) {
        return map(map(map(map(workload.get("spec")).get("template")).get("metadata"))
                .get("labels"));
    }

    static List<Map<String, Object>> containers(Map<String, Object> workload) {
        return list(podSpec(workload).get("containers"));
    }

    /** Every container of a workload's pods, the init containers first: what their settings and hardening cover. */
    static List<Map<String, Object>> allContainers(Map<String, Object> workload) {
        var all = new ArrayList<Map<String, Object>>(list(podSpec(workload).get("initContainers")));
        all.addAll(containers(workload));
        return all;
    }

    /** The container of a workload that bears the workload's name (each here has one). */
    static Map<String, Object> mainContainer(Map<String, Object> workload) {
        return containers(workload).stream()
                .filter(container -> nameOf(workload).equals(container.get("name")))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(nameOf(workload) + " has no container of its name"));
    }

    /** A container port by number, or by name resolved against the container's ports; -1 when unknown. */
    static int resolvePort(Object port, List<Map<String, Object>> containers) {
        if (port instanceof Number number) {
            return number.intValue();
        }
        for (var container : containers) {
            for (var declared : list(container.get("ports"))) {
                if (String.valueOf(port).equals(declared.get("name"))) {
                    return ((Number) declared.get("containerPort")).intValue();
                }
            }
        }
        return -1;
    }

    /** The value at a path of maps, {@code null} when a step is missing. */
    static Object at(Object node, String... path) {
        for (var key : path) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(key);
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        return node instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object node) {
        return node instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    static String string(Object value, String otherwise) {
        return value == null ? otherwise : value.toString();
    }
}
