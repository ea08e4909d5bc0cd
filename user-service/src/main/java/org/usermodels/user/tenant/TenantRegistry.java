package org.usermodels.user.tenant;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.usermodels.platform.domain.TenantId;
import org.usermodels.platform.tenancy.TenantContext;
import org.usermodels.platform.tenancy.TenantRef;
import org.usermodels.user.access.GroupAdministration;
import org.usermodels.user.account.TenantPolicy;
import org.usermodels.user.account.UserType;

/**
 * What the service knows about each tenant while serving it: whether it is suspended and which user types
 * it enables. Kept in memory for a few seconds per tenant, so that a request does not pay a statement for
 * it; a change made on this instance is seen at once, one made on another instance within the cache's time.
 *
 * <p>A tenant whose member calls before any platform administrator created it here (an organization made in
 * Keycloak directly, like the realm file's demo) is taken in just in time, with the default user model only.
 */
@Service
class TenantRegistry implements TenantPolicy {

    private static final Logger log = LoggerFactory.getLogger(TenantRegistry.class);

    private final Tenants tenants;
    private final GroupAdministration groups;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration timeToLive;
    private final Map<TenantId, Known> known = new ConcurrentHashMap<>();

    TenantRegistry(
            Tenants tenants,
            GroupAdministration groups,
            TransactionTemplate transactions,
            Clock clock,
            @Value("${usermodels.tenants.cache-time-to-live:5s}") Duration timeToLive) {
        this.tenants = tenants;
        this.groups = groups;
        this.transactions = transactions;
        this.clock = clock;
        this.timeToLive = timeToLive;
    }

    private record Known(String slug, Tenant.Status status, Set<UserType> types, Instant until) {}

    /**
     * Lets a call of the tenant's users through, taking the tenant in first if need be.
     *
     * @throws TenantSuspended (403) for a suspended tenant
     */
    void requireActive(TenantRef tenant) {
        var state = stateOf(tenant);
        if (state.status() == Tenant.Status.SUSPENDED) {
            throw new TenantSuspended(state.slug());
        }
    }

    @Override
    public Set<UserType> enabledTypes() {
        return stateOf(TenantContext.require()).types();
    }

    @Override
    public List<TenantRef> activeTenants() {
        return transactions.execute(status -> tenants.findByStatus(Tenant.Status.ACTIVE).stream()
                .map(tenant -> new TenantRef(tenant.id(), tenant.slug()))
                .toList());
    }

    /** Forgets what it knew of a tenant, after a change. */
    void forget(TenantId tenantId) {
        known.remove(tenantId);
    }

    private Known stateOf(TenantRef tenant) {
        var now = clock.instant();
        var cached = known.get(tenant.tenantId());
        if (cached != null && cached.until().isAfter(now)) {
            return cached;
        }
        var state = TenantContext.callAs(tenant, () -> transactions.execute(status -> load(tenant)));
        known.put(tenant.tenantId(), state);
        return state;
    }

    private Known load(TenantRef ref) {
        var tenant = tenants.findById(ref.tenantId());
        if (tenant.isEmpty() || tenant.get().slug().startsWith("tenant-")) {
            var inserted = tenants.takeIn(ref.tenantId(), ref.slug());
            groups.createBuiltInGroups();
            if (inserted.orElse(false)) {
                var takenIn = tenants.findById(ref.tenantId()).orElseThrow();
                takenIn.recordTakenIn();
                tenants.save(takenIn);
                log.info("Took in tenant {} ({}) on its first call", ref.slug(), ref.id());
            }
            return new Known(ref.slug(), Tenant.Status.ACTIVE, EnumSet.of(UserType.USER), expiry());
        }
        var types = EnumSet.noneOf(UserType.class);
        tenant.get().userTypes().forEach(code -> UserType.fromCode(code).ifPresent(types::add));
        return new Known(tenant.get().slug(), tenant.get().status(), Set.copyOf(types), expiry());
    }

    private Instant expiry() {
        return clock.instant().plus(timeToLive);
    }
}
