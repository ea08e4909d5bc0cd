package org.usermodels.profile.tenancy;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.usermodels.platform.tenancy.TenantContext;

/**
 * Before a tenant's call reaches a controller: provisions the tenant's schema if this service has not seen
 * the tenant yet (its first call may come before its {@code TenantCreated} event), waits while it is being
 * migrated, and answers 503 when the schema's migration failed.
 */
@Configuration(proxyBeanMethods = false)
class TenantSchemaGuard implements WebMvcConfigurer {

    private final TenantSchemas schemas;

    TenantSchemaGuard(TenantSchemas schemas) {
        this.schemas = schemas;
    }

    @Override
    public void addInterceptors(InterceptorRegistry interceptors) {
        interceptors
                .addInterceptor(new HandlerInterceptor() {
                    @Override
                    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                        TenantContext.current().ifPresent(tenant -> {
                            // a schema being migrated is waited for, never read half-made
                            var state = schemas.state(tenant.tenantId())
                                    .filter(known -> known.status() != SchemaState.Status.MIGRATING)
                                    .orElseGet(() -> schemas.provision(tenant));
                            if (state.status() == SchemaState.Status.FAILED) {
                                throw new TenantSchemaUnavailable(tenant.slug());
                            }
                        });
                        return true;
                    }
                })
                .addPathPatterns("/api/**");
    }
}
