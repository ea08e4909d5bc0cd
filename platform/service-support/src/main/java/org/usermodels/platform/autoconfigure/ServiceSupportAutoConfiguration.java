package org.usermodels.platform.autoconfigure;

import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.http.server.observation.ServerRequestObservationConvention;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.usermodels.platform.observability.TenantServerRequestObservationConvention;
import org.usermodels.platform.security.CallerAuthenticationConverter;
import org.usermodels.platform.tenancy.CurrentTenantArgumentResolver;
import org.usermodels.platform.tenancy.TenantBindingFilter;
import org.usermodels.platform.web.LenientAcceptHeader;
import org.usermodels.platform.web.ProblemSecurityHandlers;
import org.usermodels.platform.web.RequestIdFilter;
import org.usermodels.platform.web.ServiceProblemHandler;

/**
 * Makes a Spring MVC application a usermodels service: an OAuth2 resource server that validates Keycloak
 * tokens itself, knows its {@link org.usermodels.platform.security.Caller} and tenant, tags every request
 * with a request id and answers every error as problem+json.
 *
 * <p>Public without a token: the actuator's health and info endpoints and the OpenAPI description. Other actuator endpoints are for
 * platform administrators. Everything else needs a valid token; finer rules are declared on the endpoints.
 */
@AutoConfiguration(before = {ServletWebSecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableMethodSecurity
public class ServiceSupportAutoConfiguration {

    /**
     * Paths anyone may call: probes, the service's OpenAPI description (which the gateway's Swagger UI
     * shows before anyone has logged in) and the error page.
     */
    static final String[] PUBLIC_PATHS = {
        "/actuator/health", "/actuator/health/**", "/actuator/info", "/v3/api-docs", "/v3/api-docs/**", "/error"
    };

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain usermodelsSecurityFilterChain(HttpSecurity http, ProblemSecurityHandlers problems) {
        http.authorizeHttpRequests(requests -> requests.requestMatchers(PUBLIC_PATHS)
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasRole("platform-admin")
                        .anyRequest()
                        .authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new CallerAuthenticationConverter()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    ProblemSecurityHandlers problemSecurityHandlers(
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
        return new ProblemSecurityHandlers(resolver);
    }

    @Bean
    @ConditionalOnMissingBean
    ServiceProblemHandler serviceProblemHandler() {
        return new ServiceProblemHandler();
    }

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        var registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** After Spring Security (order -100), so that the caller is known. */
    @Bean
    FilterRegistrationBean<TenantBindingFilter> tenantBindingFilter() {
        var registration = new FilterRegistrationBean<>(new TenantBindingFilter());
        registration.setOrder(0);
        return registration;
    }

    /** Spring Boot's {@code http.server.requests} observation takes this convention: a tenant tag. */
    @Bean
    @ConditionalOnMissingBean(ServerRequestObservationConvention.class)
    TenantServerRequestObservationConvention tenantServerRequestObservationConvention() {
        return new TenantServerRequestObservationConvention();
    }

    @Bean
    WebMvcConfigurer currentTenantArgument() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CurrentTenantArgumentResolver());
            }

            @Override
            public void configureContentNegotiation(ContentNegotiationConfigurer negotiation) {
                negotiation.strategies(List.of(new LenientAcceptHeader()));
            }
        };
    }
}
