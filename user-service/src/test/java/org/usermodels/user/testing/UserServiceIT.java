package org.usermodels.user.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.usermodels.platform.testsupport.FreshDatabase;
import org.usermodels.platform.testsupport.RealKeycloak;
import org.usermodels.platform.testsupport.RecordSql;

/**
 * user-service on a random port, with its own database on the test PostgreSQL and tokens from the test
 * Keycloak. Every class with this annotation (and no other configuration) shares one application context,
 * so each test creates its own tenants and users, with unique names.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "usermodels.reconciler.enabled=false",
            "usermodels.outbox.relay.enabled=false",
            // small imports, so that a test's file spans several chunks and one over the limit stays small
            "usermodels.imports.max-rows=" + UserServiceIT.MAX_IMPORT_ROWS,
            "usermodels.imports.chunk-size=" + UserServiceIT.IMPORT_CHUNK,
            // staging batches smaller than the row limit, so that a file refused for its size has rows in the
            // database before it is refused, and the tests see that they are rolled back
            "usermodels.imports.staging-batch=10",
            // the worker starts when a file is uploaded; it does not poll, which would add its statements to
            // the ones tests count
            "usermodels.imports.poll-interval=1h",
            // the last calls are written when a test asks (LastCallsIT), not among the statements others count
            "usermodels.users.last-call-interval=1h"
        })
@FreshDatabase("users")
@RealKeycloak
@RecordSql
public @interface UserServiceIT {

    int MAX_IMPORT_ROWS = 40;
    int IMPORT_CHUNK = 5;
}
