package org.usermodels.platform.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The Keycloak realm {@code usermodels}, defined once in {@code platform/keycloak/usermodels-realm.json}
 * and imported by tests, {@code bin/dev}, docker compose and Kubernetes alike.
 *
 * <p>The users and secrets named here exist for development and tests only.
 */
public final class UsermodelsRealm {

    public static final String NAME = "usermodels";

    /** Public client with direct access grants, for curl and tests. */
    public static final String CLI_CLIENT = "usermodels-cli";

    /** Public client with authorization code and PKCE, for Swagger UI. */
    public static final String WEB_CLIENT = "usermodels-web";

    /** Confidential client whose service account manages users and organizations. */
    public static final String USER_SERVICE_CLIENT = "user-service";

    /** Dev-only secret of {@link #USER_SERVICE_CLIENT}. */
    public static final String USER_SERVICE_DEV_SECRET = "user-service-dev-secret";

    /** The audience every service requires in an access token. */
    public static final String API_AUDIENCE = "usermodels-api";

    /** Realm role of platform administrators. */
    public static final String PLATFORM_ADMIN_ROLE = "platform-admin";

    /** Dev-only platform administrator: member of no organization. */
    public static final DevUser PLATFORM_ADMIN = new DevUser("platform-admin", "platform-admin");

    /** Dev-only member of the demo organization. */
    public static final DevUser DEMO_USER = new DevUser("demo", "demo");

    /** Alias of the demo organization (tenant). */
    public static final String DEMO_ORGANIZATION = "demo";

    private static final String RESOURCE = "keycloak/usermodels-realm.json";

    private UsermodelsRealm() {}

    /** A user of the realm file with its dev-only password. */
    public record DevUser(String username, String password) {}

    /** Opens the realm file. */
    public static InputStream open() {
        var in = UsermodelsRealm.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("The realm file is missing from the classpath: " + RESOURCE);
        }
        return in;
    }

    /** Copies the realm file into {@code directory} for Keycloak's {@code --import-realm}. */
    public static Path copyInto(Path directory) {
        try (var in = open()) {
            Files.createDirectories(directory);
            var target = directory.resolve("usermodels-realm.json");
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
