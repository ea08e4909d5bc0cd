package org.usermodels.user.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.usermodels.platform.security.CallerAuthentication;
import org.usermodels.platform.tenancy.TenantContext;
import org.usermodels.platform.tenancy.TenantRef;

/**
 * What {@code lastLogin} means: the last authenticated call a user made to user-service's API, to within
 * {@code usermodels.users.last-call-interval} (a minute). A call only notes the time in memory; every interval the
 * notes are written, one statement per tenant, so a request never waits for it and a busy user costs one row
 * update a minute however often they call. Keycloak's own login events would name logins only, and need the
 * realm to store events; a token is used many times after one login, and what an administrator asks ("is this
 * account still used?") is answered by the calls.
 *
 * <p>Nothing else sets it: the reconciler enrolling a member found in Keycloak records no login, and neither
 * does an import.
 */
@Configuration(proxyBeanMethods = false)
class LastCalls implements WebMvcConfigurer, HandlerInterceptor {

    private final Users users;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Map<TenantRef, Map<UUID, Instant>> noted = new ConcurrentHashMap<>();

    LastCalls(Users users, TransactionTemplate transactions, Clock clock) {
        this.users = users;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void addInterceptors(InterceptorRegistry interceptors) {
        interceptors.addInterceptor(this).addPathPatterns("/api/**").excludePathPatterns("/api/tenants/**");
    }

    /** Notes the call of a tenant's user; platform administration is not one. */
    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        var tenant = TenantContext.current();
        if (tenant.isPresent()
                && SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication caller) {
            note(tenant.get(), caller.caller().id());
        }
        return true;
    }

    private void note(TenantRef tenant, UUID user) {
        noted.computeIfAbsent(tenant, key -> new ConcurrentHashMap<>()).put(user, clock.instant());
    }

    /** Writes the calls noted since the last time: one UPDATE per tenant, in the tenant's transaction. */
    @Scheduled(fixedDelayString = "${usermodels.users.last-call-interval:PT1M}")
    void write() {
        for (var tenant : List.copyOf(noted.keySet())) {
            var calls = noted.remove(tenant);
            if (calls == null || calls.isEmpty()) {
                continue;
            }
            var ids = calls.keySet().stream().map(Object::toString).toArray(String[]::new);
            var times = calls.keySet().stream()
                    .map(id -> String.valueOf(calls.get(id)))
                    .toArray(String[]::new);
            TenantContext.callAs(tenant, () -> transactions.execute(status -> users.recordCalls(ids, times)));
        }
    }
}
