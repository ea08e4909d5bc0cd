package org.usermodels.platform.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.usermodels.platform.autoconfigure.ServiceSupportAutoConfiguration;
import org.usermodels.platform.autoconfigure.TokenPolicyAutoConfiguration;

/**
 * What a {@code @WebMvcTest} of a usermodels controller adds to Spring's slice: the security a service runs with,
 * the platform's token rules, tenant binding and problem handling, so that the slice answers as the service
 * does (401, 403 and every refusal as a problem). The token's decoder is for the test to mock
 * ({@link SliceTokens}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ImportAutoConfiguration({
    SecurityAutoConfiguration.class,
    ServletWebSecurityAutoConfiguration.class,
    SecurityFilterAutoConfiguration.class,
    TokenPolicyAutoConfiguration.class,
    ServiceSupportAutoConfiguration.class
})
public @interface PlatformWebSlice {}
