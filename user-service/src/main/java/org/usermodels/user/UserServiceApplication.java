package org.usermodels.user;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
public class UserServiceApplication {

    /** Migrate the database and stop: the profile {@code migrate} (application-migrate.yml) sets it. */
    static final String MIGRATE_ONLY = "usermodels.migrate-only";

    /**
     * Runs the service; or, with the profile {@code migrate}, only its Flyway migrations, as the schema's owner,
     * and exits. Kubernetes runs that in an init container, the one container that holds the owner's password:
     * the service's own container then runs with Flyway off and the application role's credentials alone
     * (docs/operations.md, "Migrations and the owner's credentials").
     */
    public static void main(String[] args) {
        var context = SpringApplication.run(UserServiceApplication.class, args);
        if (context.getEnvironment().getProperty(MIGRATE_ONLY, Boolean.class, false)) {
            System.exit(SpringApplication.exit(context));
        }
    }

    /** The service's idea of now; tests may replace it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The relay, the reconciler and the key purge run on schedules, except in a run that only migrates. */
    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    @ConditionalOnBooleanProperty(name = MIGRATE_ONLY, havingValue = false, matchIfMissing = true)
    static class Schedules {}
}
