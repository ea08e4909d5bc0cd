package org.usermodels.platform.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives each Spring test context that this class's configuration creates a new, empty database on the
 * shared {@link TestPostgres} server, and points {@code spring.datasource.*} at it. Flyway then migrates it
 * like any other database; no test context sees another's rows.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface FreshDatabase {

    /** A lower-case word naming what the database is for; it prefixes the database's name. */
    String value() default "test";
}
