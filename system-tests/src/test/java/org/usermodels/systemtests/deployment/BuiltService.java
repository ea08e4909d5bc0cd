package org.usermodels.systemtests.deployment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.yaml.snakeyaml.Yaml;

/**
 * What a service's built jar says about itself: its {@code application.yml} and every configuration
 * property it binds, as listed in the configuration metadata of its own classes and of every library in it.
 * {@code ownProperties} are those of usermodels' own code: the service's classes and service-support.
 */
record BuiltService(
        String name, Map<String, Object> applicationYaml, Set<String> environmentVariables, Set<String> ownProperties) {

    private static final Pattern METADATA_NAME = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"");

    static BuiltService read(Path repository, String name) {
        var jar = repository.resolve(name).resolve("target").resolve(name + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: the reactor builds the services first");
        }
        try (var zip = new ZipFile(jar.toFile())) {
            var properties = new HashSet<String>();
            var own = new HashSet<String>();
            Map<String, Object> yaml = Map.of();
            for (var entry : java.util.Collections.list(zip.entries())) {
                var entryName = entry.getName();
                if (entryName.equals("BOOT-INF/classes/application.yml")) {
                    try (var in = zip.getInputStream(entry)) {
                        yaml = new Yaml().load(in);
                    }
                    flatten("", yaml, properties);
                } else if (entryName.equals("META-INF/spring-configuration-metadata.json")
                        || entryName.equals("BOOT-INF/classes/META-INF/spring-configuration-metadata.json")) {
                    try (var in = zip.getInputStream(entry)) {
                        metadataNames(in, own);
                    }
                } else if (entryName.startsWith("BOOT-INF/lib/") && entryName.endsWith(".jar")) {
                    try (var nested = new ZipInputStream(zip.getInputStream(entry))) {
                        for (var inner = nested.getNextEntry(); inner != null; inner = nested.getNextEntry()) {
                            if (inner.getName().equals("META-INF/spring-configuration-metadata.json")) {
                                var names = new HashSet<String>();
                                metadataNames(new ByteArrayInputStream(nested.readAllBytes()), names);
                                properties.addAll(names);
                                if (entryName.startsWith("BOOT-INF/lib/service-support-")) {
                                    own.addAll(names);
                                }
                            }
                        }
                    }
                }
            }
            properties.addAll(own);
            var variables = new HashSet<String>();
            properties.forEach(property -> variables.add(environmentVariableOf(property)));
            return new BuiltService(name, yaml, Set.copyOf(variables), Set.copyOf(own));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value at a dotted path of {@code application.yml}, {@code null} when absent. */
    Object yaml(String path) {
        Object node = applicationYaml;
        for (var key : path.split("\\.")) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(key);
        }
        return node;
    }

    /**
     * The environment variable that Spring's relaxed binding maps to a property: upper case, with dots and
     * dashes as underscores ({@code spring.datasource.url} ← {@code SPRING_DATASOURCE_URL}).
     */
    static String environmentVariableOf(String property) {
        return property.replace('.', '_').replace("-", "").toUpperCase(Locale.ROOT);
    }

    /** The same mapping applied to a variable, so that dashes in property names do not matter. */
    static String canonical(String variable) {
        return variable.replace("_", "").toUpperCase(Locale.ROOT);
    }

    boolean binds(String variable) {
        return environmentVariables.stream().anyMatch(known -> canonical(known).equals(canonical(variable)));
    }

    private static void metadataNames(InputStream json, Set<String> names) throws IOException {
        var matcher = METADATA_NAME.matcher(new String(json.readAllBytes()));
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Object node, Set<String> names) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> flatten(prefix.isEmpty() ? key.toString() : prefix + "." + key, value, names));
        } else {
            names.add(prefix);
        }
    }
}
