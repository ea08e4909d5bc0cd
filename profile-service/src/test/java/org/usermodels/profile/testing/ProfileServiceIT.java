package org.usermodels.profile.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import org.usermodels.platform.testsupport.FreshDatabase;
import org.usermodels.platform.testsupport.RealKeycloak;
import org.usermodels.platform.testsupport.RecordSql;

/**
 * profile-service on a random port with its own database on the test PostgreSQL and tokens from the test
 * Keycloak. user-service, which answers for callers' permissions, is the {@link UserServiceStandIn}. Every
 * class with this annotation shares one application context, so tests create their own tenants and users.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "usermodels.user-service.permissions-cache-time-to-live=0s")
@FreshDatabase("profiles")
@RealKeycloak
@RecordSql
@ContextConfiguration(initializers = UserServiceStandIn.Initializer.class)
public @interface ProfileServiceIT {}
