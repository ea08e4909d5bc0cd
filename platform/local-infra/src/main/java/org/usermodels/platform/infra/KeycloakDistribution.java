package org.usermodels.platform.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Properties;
import java.util.zip.ZipFile;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Keycloak server distribution ({@code org.keycloak:keycloak-quarkus-dist} zip from Maven Central),
 * unpacked once per machine into a cache directory and reused by every later run.
 *
 * <p>The zip is found, in this order, at the system property {@code usermodels.keycloak.distribution},
 * the environment variable {@code USERMODELS_KEYCLOAK_DISTRIBUTION}, or where the build resolved it.
 * The cache directory is {@code $USERMODELS_CACHE_DIR}, else {@code ~/.cache/usermodels}.
 */
public final class KeycloakDistribution {

    private static final Logger log = LoggerFactory.getLogger(KeycloakDistribution.class);
    private static final String COMPLETE_MARKER = ".usermodels-unpacked";

    private final String version;
    private final Path home;

    private KeycloakDistribution(String version, Path home) {
        this.version = version;
        this.home = home;
    }

    /** The Keycloak version this build was made with. */
    public static String buildVersion() {
        return buildProperties().getProperty("keycloak.version");
    }

    /**
     * Unpacks the distribution unless an earlier run already did.
     *
     * @throws IllegalStateException if no distribution zip can be found
     * @throws UncheckedIOException if unpacking fails
     */
    public static KeycloakDistribution unpacked() {
        return unpacked("");
    }

    /**
     * A copy of its own of the distribution, for servers built with other options (Keycloak re-augments a
     * distribution whenever a build option such as the database changes, so two kinds of server sharing one
     * copy would rebuild it on every start).
     *
     * @param flavour a lower-case word naming the copy, e.g. {@code postgres}; empty for the default copy
     */
    public static KeycloakDistribution unpacked(String flavour) {
        if (!flavour.matches("[a-z0-9-]*")) {
            throw new IllegalArgumentException("not a flavour: " + flavour);
        }
        var version = buildVersion();
        var zip = locateZip();
        var cache = cacheDirectory();
        var home = cache.resolve("keycloak-" + version + (flavour.isEmpty() ? "" : "-" + flavour));
        try {
            Files.createDirectories(cache);
            // Several JVMs (test forks, bin/dev) may race for the first unpack; the lock serialises them.
            try (var lockFile = FileChannel.open(
                            cache.resolve(home.getFileName() + ".lock"),
                            StandardOpenOption.CREATE,
                            StandardOpenOption.WRITE);
                    var lock = lockFile.lock()) {
                if (!Files.exists(home.resolve(COMPLETE_MARKER))) {
                    unpack(zip, home);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack the Keycloak distribution " + zip + " to " + home, e);
        }
        return new KeycloakDistribution(version, home);
    }

    public String version() {
        return version;
    }

    /** The server's home directory ({@code bin/kc.sh}, {@code conf/}, {@code data/}, {@code lib/}). */
    public Path home() {
        return home;
    }

    static Path cacheDirectory() {
        var configured = System.getenv("USERMODELS_CACHE_DIR");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "usermodels");
    }

    private static Path locateZip() {
        var candidates = new String[] {
            System.getProperty("usermodels.keycloak.distribution"),
            System.getenv("USERMODELS_KEYCLOAK_DISTRIBUTION"),
            buildProperties().getProperty("keycloak.distribution")
        };
        for (@Nullable String candidate : candidates) {
            if (candidate != null && !candidate.isBlank() && !candidate.startsWith("@")) {
                var path = Path.of(candidate);
                if (Files.isRegularFile(path)) {
                    return path;
                }
            }
        }
        throw new IllegalStateException("""
                The Keycloak distribution zip was not found. Build with ./mvnw (it resolves \
                org.keycloak:keycloak-quarkus-dist:%s:zip from Maven Central) or name the zip in \
                USERMODELS_KEYCLOAK_DISTRIBUTION.""".formatted(buildVersion()));
    }

    private static void unpack(Path zip, Path home) throws IOException {
        var started = System.nanoTime();
        log.info("Unpacking {} to {} (once per machine)", zip.getFileName(), home);
        var staging = Files.createTempDirectory(home.getParent(), home.getFileName() + ".staging");
        try (var archive = new ZipFile(zip.toFile())) {
            var entries = archive.entries();
            while (entries.hasMoreElements()) {
                var entry = entries.nextElement();
                // Every entry sits under one top-level directory (keycloak-<version>/); drop it.
                var name = entry.getName();
                var relative = name.indexOf('/') < 0 ? "" : name.substring(name.indexOf('/') + 1);
                if (relative.isEmpty()) {
                    continue;
                }
                var target = staging.resolve(relative).normalize();
                if (!target.startsWith(staging)) {
                    throw new IOException("Zip entry escapes the target directory: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = archive.getInputStream(entry)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                    if (relative.startsWith("bin/") && relative.endsWith(".sh")) {
                        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                    }
                }
            }
        }
        Files.writeString(staging.resolve(COMPLETE_MARKER), zip.toString());
        deleteRecursively(home);
        Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
        log.info("Unpacked Keycloak in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static Properties buildProperties() {
        var properties = new Properties();
        try (var in = KeycloakDistribution.class.getResourceAsStream("local-infra.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
