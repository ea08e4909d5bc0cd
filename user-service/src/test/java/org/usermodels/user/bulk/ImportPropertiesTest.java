package org.usermodels.user.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/**
 * The bounds of the import settings hold at start: a setting past them stops the service rather than let a file
 * of any size in. The API's description promises at most {@value ImportProperties#MOST_ROWS} rows a file.
 */
class ImportPropertiesTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Settings.class);

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ImportProperties.class)
    static class Settings {}

    @Test
    void takesTheCeilingItself() {
        context.withPropertyValues("usermodels.imports.max-rows=" + ImportProperties.MOST_ROWS)
                .run(started -> assertThat(
                                started.getBean(ImportProperties.class).maxRows())
                        .isEqualTo(1_000_000));
    }

    @Test
    void refusesToStartWithARowLimitPastTheCeiling() {
        context.withPropertyValues("usermodels.imports.max-rows=" + (ImportProperties.MOST_ROWS + 1))
                .run(started -> assertThat(started)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("maxRows")
                        .hasMessageContaining("1000000"));
    }

    @Test
    void startsWithTheDefaults() {
        context.run(started -> {
            var settings = started.getBean(ImportProperties.class);
            assertThat(settings.maxRows()).isEqualTo(100_000);
            assertThat(settings.chunkSize()).isEqualTo(500);
        });
    }
}
