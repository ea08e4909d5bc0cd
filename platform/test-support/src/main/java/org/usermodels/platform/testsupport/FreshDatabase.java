package org.usermodels.platform.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives each Spring test context that this class's configuration creates a new, empty database on the
 * shared {@link TestPostgres} server, with its own owner and application roles
 * ({@link org.usermodels.platform.infra.ServiceDatabase}): Flyway migrates it as the owner
 * ({@code spring.flyway.user}), the application connects as the application role
 * ({@code spring.datasource.username}), exactly as in production. No test context sees another's rows.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface FreshDatabase {

    /** A lower-case word naming what the database is for; it prefixes the database's name. */
    String value() default "test";
}
