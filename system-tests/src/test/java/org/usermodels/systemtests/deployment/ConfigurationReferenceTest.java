package org.usermodels.systemtests.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * docs/configuration.md is the operators' reference: every {@code usermodels.*} property that a service's
 * own code binds (its {@code @ConfigurationProperties}, as its built jar's configuration metadata lists
 * them) must be in it, by name, so that a new setting cannot ship undocumented.
 */
class ConfigurationReferenceTest {

    static final Path repository = DeploymentDescriptorsTest.repository;

    @ParameterizedTest
    @ValueSource(strings = {"user-service", "profile-service", "gateway"})
    void documentsEverySettingTheServiceBinds(String name) throws IOException {
        var reference = Files.readString(repository.resolve("docs/configuration.md"));
        var built = BuiltService.read(repository, name);

        assertThat(built.ownProperties())
                .as("usermodels properties of %s", name)
                .filteredOn(property -> property.startsWith("usermodels."))
                .isNotEmpty()
                .allSatisfy(property -> assertThat(reference)
                        .as("docs/configuration.md names %s", property)
                        .contains("`" + property));
    }
}
