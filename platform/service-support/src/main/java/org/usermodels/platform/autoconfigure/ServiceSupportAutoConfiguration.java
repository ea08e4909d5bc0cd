package org.usermodels.platform.autoconfigure;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.util.List;
import java.util.Map;
import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.http.server.observation.ServerRequestObservationConvention;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.usermodels.platform.observability.TenantServerRequestObservationConvention;
import org.usermodels.platform.security.CallerAuthenticationConverter;
import org.usermodels.platform.security.ManagementPort;
import org.usermodels.platform.tenancy.CurrentTenantArgumentResolver;
import org.usermodels.platform.tenancy.TenantBindingFilter;
import org.usermodels.platform.web.LenientAcceptHeader;
import org.usermodels.platform.web.MalformedRequest;
import org.usermodels.platform.web.ProblemErrorReportValve;
import org.usermodels.platform.web.ProblemSecurityHandlers;
import org.usermodels.platform.web.RequestIdFilter;
import org.usermodels.platform.web.RequestInputFilter;
import org.usermodels.platform.web.RequestLimits;
import org.usermodels.platform.web.ServiceProblemHandler;
import org.usermodels.platform.web.StorableJsonText;

/**
 * Makes a Spring MVC application a usermodels service: an OAuth2 resource server that validates Keycloak
 * tokens itself, knows its {@link org.usermodels.platform.security.Caller} and tenant, tags every request
 * with a request id and answers every error as problem+json.
 *
 * <p>Public without a token: the actuator's health and info endpoints, the OpenAPI description, and the Prometheus
 * scrape on the actuator's own port ({@link ManagementPort}). Other actuator endpoints are for platform
 * administrators. Everything else needs a valid token; finer rules are declared on the endpoints.
 */
@AutoConfiguration(before = {ServletWebSecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableMethodSecurity
@EnableConfigurationProperties(RequestLimits.class)
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
    SecurityFilterChain usermodelsSecurityFilterChain(
            HttpSecurity http, ProblemSecurityHandlers problems, ManagementPort managementPort) {
        http.authorizeHttpRequests(requests -> requests.requestMatchers(PUBLIC_PATHS)
                        .permitAll()
                        .requestMatchers(
                                request -> managementPort.isScrape(request.getLocalPort(), request.getRequestURI()))
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
    ManagementPort managementPort() {
        return new ManagementPort();
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

    /** Right after the request id, before security: what no endpoint can use is refused before anything reads it. */
    @Bean
    FilterRegistrationBean<RequestInputFilter> requestInputFilter(
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver, RequestLimits limits) {
        var registration = new FilterRegistrationBean<>(
                new RequestInputFilter(resolver, limits.maxBodySize(), limits.largeBodyPaths()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /**
     * A URL that Spring Security's firewall refuses (an encoded NUL, {@code ..}, {@code ;}) is a 400 problem
     * like every other, where the firewall's default answers an empty 400.
     */
    @Bean
    RequestRejectedHandler problemRequestRejectedHandler(
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
        return (request, response, rejected) ->
                resolver.resolveException(request, response, null, MalformedRequest.refusedUrl());
    }

    /** Tomcat's own refusals (a malformed request line or header) as problems too, not as HTML pages. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                host.getPipeline().addValve(new ProblemErrorReportValve());
            }
        });
    }

    /** Every string of a request body must be one the database can store. */
    @Bean
    StorableJsonText storableJsonText() {
        return new StorableJsonText();
    }

    /**
     * A {@code null} inside a list, set or array of a request body is refused (400 for that element), never
     * handed to the code as an element. The default, so that a list at the body's root is covered too; a map's
     * values keep their nulls, which mean "no value" for a custom attribute.
     */
    @Bean
    JsonMapperBuilderCustomizer nullElementsRefused() {
        return builder -> builder.changeDefaultNullHandling(setter -> setter.withContentNulls(Nulls.FAIL))
                .withConfigOverride(Map.class, map -> map.setNullHandling(JsonSetter.Value.forContentNulls(Nulls.SET)));
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
