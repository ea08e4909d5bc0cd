package org.usermodels.user.tenant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.usermodels.platform.tenancy.TenantContext;

/**
 * Refuses every call of a suspended tenant's users (403) before it reaches a controller, and takes in a
 * tenant on its first call. Platform administration ({@code /api/tenants/**}) is not a tenant's call.
 */
@Configuration(proxyBeanMethods = false)
class TenantGuard implements WebMvcConfigurer {

    private final TenantRegistry registry;

    TenantGuard(TenantRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void addInterceptors(InterceptorRegistry interceptors) {
        interceptors
                .addInterceptor(new HandlerInterceptor() {
                    @Override
                    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                        TenantContext.current().ifPresent(registry::requireActive);
                        return true;
                    }
                })
                // the twins too, so that they do what the endpoints they stand beside do (docs/performance.md)
                .addPathPatterns("/api/**", "/twin/**")
                .excludePathPatterns("/api/tenants", "/api/tenants/**");
    }
}
