package org.usermodels.profile.access;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.usermodels.platform.domain.UserId;
import org.usermodels.platform.security.Caller;
import org.usermodels.platform.security.CallerAuthentication;
import org.usermodels.platform.tenancy.TenantContext;

/**
 * Decides what the caller may do with a profile. Permissions are user-service's: this asks
 * {@code GET /api/users/me} with the caller's own token (so user-service applies its own rules) and keeps the
 * answer for a few seconds per tenant and user. When user-service does not answer, the caller has no
 * permission beyond their own profile: access fails closed.
 */
@Component
@EnableConfigurationProperties(UserServiceProperties.class)
public class ProfileAccess {

    /** Read every profile of the tenant, addresses included. */
    public static final String READ_ANY = "profile.read_any";

    /** Change every profile of the tenant. */
    public static final String EDIT_ANY = "profile.edit_any";

    private static final Logger log = LoggerFactory.getLogger(ProfileAccess.class);

    private final RestClient userService;
    private final UserServiceProperties properties;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    ProfileAccess(RestClient.Builder builder, UserServiceProperties properties, Clock clock) {
        var requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(properties.timeout());
        requests.setReadTimeout(properties.timeout());
        this.userService = builder.baseUrl(properties.url().toString())
                .requestFactory(requests)
                .build();
        this.properties = properties;
        this.clock = clock;
    }

    private record Cached(Set<String> permissions, Instant until) {}

    private record Me(List<String> permissions) {}

    /** Whether the caller is {@code userId} or holds {@code permission} in their tenant. */
    public boolean isSelfOr(UserId userId, String permission) {
        return caller().userId().equals(userId) || permissions().contains(permission);
    }

    /** @throws AccessDeniedException (403) unless the caller is {@code userId} or holds {@code permission} */
    public void requireSelfOr(UserId userId, String permission) {
        if (!isSelfOr(userId, permission)) {
            throw new AccessDeniedException("Needs the permission " + permission);
        }
    }

    /** @throws AccessDeniedException (403) unless the caller holds {@code permission} */
    public void require(String permission) {
        if (!permissions().contains(permission)) {
            throw new AccessDeniedException("Needs the permission " + permission);
        }
    }

    public static Caller caller() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication authentication) {
            return authentication.caller();
        }
        throw new AccessDeniedException("No authenticated caller");
    }

    private Set<String> permissions() {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication authentication)) {
            throw new AuthenticationCredentialsNotFoundException("No authenticated caller");
        }
        var tenant = TenantContext.require();
        var key = tenant.id() + ":" + authentication.caller().id();
        var now = clock.instant();
        var cached = cache.get(key);
        if (cached != null && cached.until().isAfter(now)) {
            return cached.permissions();
        }
        Set<String> permissions;
        try {
            var me = userService
                    .get()
                    .uri("/api/users/me")
                    .header(
                            "Authorization",
                            "Bearer " + authentication.getToken().getTokenValue())
                    .retrieve()
                    .body(Me.class);
            permissions = me == null || me.permissions() == null ? Set.of() : Set.copyOf(me.permissions());
        } catch (RestClientException e) {
            log.warn("user-service did not say what {} may do; only their own profile for now: {}", key, e.toString());
            return Set.of();
        }
        cache.put(key, new Cached(permissions, now.plus(properties.permissionsCacheTimeToLive())));
        return permissions;
    }
}
