package org.usermodels.user.reconciliation;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.usermodels.platform.domain.TenantId;
import org.usermodels.platform.domain.UserId;
import org.usermodels.platform.security.Caller;
import org.usermodels.platform.tenancy.TenantContext;
import org.usermodels.platform.tenancy.TenantRef;
import org.usermodels.user.account.LocalUsers;
import org.usermodels.user.account.TenantPolicy;
import org.usermodels.user.identity.IdentityDirectory;
import org.usermodels.user.identity.IdentityUnavailable;

/**
 * Repairs drift between Keycloak and this service, tenant by tenant, both ways:
 *
 * <ul>
 *   <li>a member of the organization without a user here is enrolled (as on their first call), once two runs in
 *       a row have found them without one;
 *   <li>a user here whose identity is gone from Keycloak, or no longer a member, is deleted here, unless they
 *       joined after the listing of members began;
 *   <li>email, names and enabled state follow Keycloak, where the identity lives.
 * </ul>
 *
 * <p>A run compares a listing of Keycloak with the rows here, read a moment later, while users are registered
 * beside it: every registration creates the identity and its membership first, then writes the row. So a row
 * written after the listing began may belong to a member the listing could not show yet, and is left for the
 * next run (in a benchmark run of 2026-12-01, a reconciler without this rule listed a tenant's members while an
 * import added users to it, and deleted 15,655 of them); and a member listed without a row may be one whose row is about
 * to be written, and is enrolled only if the next run finds them without one still. (Users are enrolled on their
 * first call anyway; the reconciler only catches those who never call.)
 *
 * <p>Each repair is logged and counted ({@code usermodels.reconciler.repairs}, tagged with its kind).
 */
@Service
public class IdentityReconciler {

    private static final Logger log = LoggerFactory.getLogger(IdentityReconciler.class);

    private final IdentityDirectory identities;
    private final LocalUsers users;
    private final TenantPolicy tenants;
    private final TransactionTemplate transactions;
    private final MeterRegistry meters;
    private final Clock clock;

    IdentityReconciler(
            IdentityDirectory identities,
            LocalUsers users,
            TenantPolicy tenants,
            TransactionTemplate transactions,
            MeterRegistry meters,
            Clock clock) {
        this.identities = identities;
        this.users = users;
        this.tenants = tenants;
        this.transactions = transactions;
        this.meters = meters;
        this.clock = clock;
    }

    /** Members found without a row in a tenant's last run, by tenant id: those the next run enrolls. */
    private final Map<TenantId, Set<UserId>> withoutRow = new ConcurrentHashMap<>();

    /**
     * What one run changed in one tenant.
     *
     * @param waiting members found without a row for the first time, enrolled by the next run if still without
     */
    public record Report(String tenant, int enrolled, int removed, int updated, int waiting) {
        public int total() {
            return enrolled + removed + updated;
        }
    }

    /** Reconciles every active tenant; a tenant that fails is reported and the others go on. */
    public void reconcileAll() {
        for (var tenant : tenants.activeTenants()) {
            try {
                reconcile(tenant);
            } catch (IdentityUnavailable e) {
                meters.counter("usermodels.reconciler.failures").increment();
                log.warn("Reconciling tenant {} failed: Keycloak unavailable", tenant.slug());
            }
        }
    }

    /** Reconciles one tenant. */
    public Report reconcile(TenantRef tenant) {
        var listed = clock.instant();
        return reconcile(tenant, identities.members(tenant.tenantId()), listed);
    }

    /**
     * Reconciles one tenant against a listing of its members that began at {@code listed}.
     *
     * @param listed when the listing began: users who joined later are not removed for being absent from it
     */
    Report reconcile(TenantRef tenant, List<IdentityDirectory.Identity> listing, Instant listed) {
        var members = new HashMap<UserId, IdentityDirectory.Identity>();
        listing.forEach(member -> members.put(member.id(), member));
        var seenBefore = withoutRow.getOrDefault(tenant.tenantId(), Set.of());
        var waiting = new HashSet<UserId>();
        var report = TenantContext.callAs(
                tenant, () -> transactions.execute(status -> repair(tenant, members, listed, seenBefore, waiting)));
        withoutRow.put(tenant.tenantId(), Set.copyOf(waiting));
        if (report.total() > 0 || report.waiting() > 0) {
            log.info(
                    "Reconciled tenant {}: {} enrolled, {} removed, {} updated, {} members without a user waiting"
                            + " for the next run",
                    tenant.slug(),
                    report.enrolled(),
                    report.removed(),
                    report.updated(),
                    report.waiting());
        }
        count("enrolled", report.enrolled());
        count("removed", report.removed());
        count("updated", report.updated());
        return report;
    }

    private Report repair(
            TenantRef tenant,
            Map<UserId, IdentityDirectory.Identity> members,
            Instant listed,
            Set<UserId> seenBefore,
            Set<UserId> waiting) {
        int enrolled = 0;
        int removed = 0;
        int updated = 0;
        var local = new HashSet<UserId>();
        for (var user : users.all()) {
            local.add(user.id());
            var identity = members.get(user.id());
            if (identity == null && !user.dateJoined().isBefore(listed)) {
                continue; // joined after the listing began: the next run's listing tells
            }
            if (identity == null) {
                users.remove(user.id());
                removed++;
            } else if (drifted(user, identity)) {
                users.takeOverIdentity(
                        user.id(), identity.email(), identity.firstName(), identity.lastName(), identity.enabled());
                updated++;
            }
        }
        for (var identity : members.values()) {
            if (!local.contains(identity.id()) && !seenBefore.contains(identity.id())) {
                waiting.add(identity.id());
            } else if (!local.contains(identity.id())) {
                var caller = new Caller(
                        identity.id().value(),
                        identity.username(),
                        identity.email(),
                        identity.firstName(),
                        identity.lastName(),
                        "reconciler",
                        Set.of(),
                        List.of(tenant),
                        null);
                if (users.enrol(caller, tenant)) {
                    enrolled++;
                }
            }
        }
        return new Report(tenant.slug(), enrolled, removed, updated, waiting.size());
    }

    private static boolean drifted(LocalUsers.LocalUser user, IdentityDirectory.Identity identity) {
        return !Objects.equals(user.email(), identity.email())
                || !Objects.equals(user.firstName(), identity.firstName())
                || !Objects.equals(user.lastName(), identity.lastName())
                || user.enabled() != identity.enabled();
    }

    private void count(String kind, int amount) {
        if (amount > 0) {
            meters.counter("usermodels.reconciler.repairs", "kind", kind).increment(amount);
        }
    }
}
