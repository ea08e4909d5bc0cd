package org.usermodels.gateway.edge;

import io.micrometer.context.ContextRegistry;
import java.security.Principal;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.core.annotation.Order;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.usermodels.platform.tenancy.OrganizationClaim;
import org.usermodels.platform.tenancy.TenantContext;
import org.usermodels.platform.tenancy.TenantRef;
import reactor.core.publisher.Mono;

/**
 * The tenant of a request at the edge, for observability and rate limits: once Spring Security has verified
 * the token,
 * a token that names exactly one organization puts its slug in the Reactor context (and so, by context
 * propagation, in the logging MDC under {@value TenantContext#LOG_KEY}) and on the exchange, where
 * {@link EdgeObservationConvention} tags the request's metrics with it.
 *
 * <p>The gateway decides no access by the tenant, only whose quota a request counts against
 * ({@code TenantRateLimitFilter}): the services resolve it again from the same token, and refuse a token that
 * names no organization or several.
 */
@Component
@Order(EdgeTenant.ORDER)
public class EdgeTenant implements WebFilter {

    /** Right after Spring Security's filter chain (order -100), which authenticates the request. */
    static final int ORDER = -99;

    /** The exchange attribute holding the {@link TenantRef} of the request's token. */
    static final String ATTRIBUTE = EdgeTenant.class.getName() + ".tenant";

    static {
        ContextRegistry.getInstance()
                .registerThreadLocalAccessor(
                        TenantContext.LOG_KEY,
                        () -> MDC.get(TenantContext.LOG_KEY),
                        slug -> MDC.put(TenantContext.LOG_KEY, slug),
                        () -> MDC.remove(TenantContext.LOG_KEY));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return exchange.getPrincipal()
                .map(EdgeTenant::tenantOf)
                .defaultIfEmpty(Optional.empty())
                .flatMap(tenant -> {
                    if (tenant.isEmpty()) {
                        return chain.filter(exchange);
                    }
                    exchange.getAttributes().put(ATTRIBUTE, tenant.get());
                    return chain.filter(exchange)
                            .contextWrite(context -> context.put(
                                    TenantContext.LOG_KEY, tenant.get().slug()));
                });
    }

    /** The tenant of an exchange this filter has seen, {@code null} when its token named none or several. */
    public static @Nullable TenantRef of(java.util.Map<String, Object> exchangeAttributes) {
        return exchangeAttributes.get(ATTRIBUTE) instanceof TenantRef tenant ? tenant : null;
    }

    private static Optional<TenantRef> tenantOf(Principal principal) {
        if (!(principal instanceof AbstractOAuth2TokenAuthenticationToken<?> authentication)
                || !(authentication.getToken() instanceof Jwt jwt)) {
            return Optional.empty();
        }
        try {
            var tenants = OrganizationClaim.parse(jwt.getClaims().get(OrganizationClaim.NAME));
            return tenants.size() == 1 ? Optional.of(tenants.getFirst()) : Optional.empty();
        } catch (OrganizationClaim.MalformedOrganizationClaim malformed) {
            // The services refuse such a token with 401; here it is just a request without a tenant.
            return Optional.empty();
        }
    }
}
