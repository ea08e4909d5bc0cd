package org.usermodels.user.tenant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;
import org.usermodels.platform.tenancy.TenantContext;
import org.usermodels.platform.tenancy.TenantRef;
import org.usermodels.platform.web.FieldProblem;
import org.usermodels.platform.web.InvalidRequest;
import org.usermodels.user.access.GroupAdministration;
import org.usermodels.user.account.NewUser;
import org.usermodels.user.account.UserRegistration;
import org.usermodels.user.account.UserType;
import org.usermodels.user.identity.IdentityDirectory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creates tenants: the Keycloak organization, the administrator's identity, then in one local transaction
 * the tenant, its built-in groups, the administrator's row and the events. If the local part fails, what was
 * created in Keycloak is removed again.
 */
@Service
class TenantProvisioning {

    private static final Logger log = LoggerFactory.getLogger(TenantProvisioning.class);

    private final Tenants tenants;
    private final TenantRegistry registry;
    private final GroupAdministration groups;
    private final UserRegistration registration;
    private final IdentityDirectory identities;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;

    TenantProvisioning(
            Tenants tenants,
            TenantRegistry registry,
            GroupAdministration groups,
            UserRegistration registration,
            IdentityDirectory identities,
            TransactionTemplate transactions,
            JsonMapper json,
            Clock clock) {
        this.tenants = tenants;
        this.registry = registry;
        this.groups = groups;
        this.registration = registration;
        this.identities = identities;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    /** The tenant, and whether this call created it. */
    record Outcome(TenantView tenant, boolean created) {}

    /**
     * Creates a tenant, or answers the existing one when this exact request created it before.
     *
     * @throws InvalidRequest (400) for unknown user types
     * @throws ErrorResponseException 409 when the slug belongs to a tenant created with other settings
     */
    Outcome create(NewTenant request) {
        var problems = new ArrayList<FieldProblem>();
        for (var index = 0; index < request.userTypes().size(); index++) {
            if (UserType.fromCode(request.userTypes().get(index)).isEmpty()) {
                problems.add(new FieldProblem("userTypes[%d]".formatted(index), "must be one of " + UserType.codes()));
            }
        }
        if (!problems.isEmpty()) {
            throw InvalidRequest.of(problems);
        }
        var canonical = request.withoutSecrets();
        var fingerprint = fingerprint(canonical);
        var existing = transactions.execute(status -> tenants.findBySlug(request.slug()));
        if (existing != null && existing.isPresent()) {
            return repeated(existing.get(), fingerprint);
        }
        var adopted = identities.findOrganization(request.slug());
        var organization =
                adopted.orElseGet(() -> identities.createOrganization(request.slug(), request.displayName()));
        var ref = new TenantRef(organization, request.slug());
        UserRegistration.PendingAdministrator admin = null;
        try {
            if (request.admin() != null) {
                var pending = request.admin();
                admin = TenantContext.callAs(
                        ref,
                        () -> registration.reserveAdministrator(
                                organization,
                                new NewUser(
                                        UserType.USER.code(),
                                        pending.username(),
                                        pending.email(),
                                        pending.firstName(),
                                        pending.lastName(),
                                        null,
                                        null,
                                        pending.password(),
                                        null,
                                        null,
                                        null,
                                        null)));
            }
            var reserved = admin;
            var view = TenantContext.callAs(
                    ref, () -> transactions.execute(status -> persist(ref, canonical, fingerprint, reserved)));
            log.info("Created tenant {} ({})", ref.slug(), ref.id());
            return new Outcome(view, true);
        } catch (RuntimeException failure) {
            if (admin != null) {
                registration.abandon(admin, failure);
            }
            if (adopted.isEmpty()) {
                try {
                    identities.deleteOrganization(organization);
                } catch (RuntimeException e) {
                    failure.addSuppressed(e);
                }
            }
            if (failure instanceof DataIntegrityViolationException) {
                var again = transactions.execute(status -> tenants.findBySlug(request.slug()));
                if (again != null && again.isPresent()) {
                    return repeated(again.get(), fingerprint);
                }
            }
            throw failure;
        }
    }

    private TenantView persist(
            TenantRef ref,
            NewTenant request,
            String fingerprint,
            UserRegistration.@Nullable PendingAdministrator admin) {
        var tenant = tenants.save(new Tenant(
                ref.tenantId(), ref.slug(), request.displayName(), request.userTypes(), fingerprint, clock.instant()));
        groups.createBuiltInGroups();
        TenantView.AdminRef adminRef = null;
        if (admin != null) {
            var user = registration.completeAdministrator(admin);
            adminRef = new TenantView.AdminRef(user.id(), user.username());
        }
        registry.forget(ref.tenantId());
        return TenantView.of(tenant, adminRef);
    }

    private Outcome repeated(Tenant tenant, String fingerprint) {
        if (fingerprint.equals(tenant.creationFingerprint())) {
            return new Outcome(TenantView.of(tenant), false);
        }
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT,
                "A tenant '%s' exists with other settings. Change it with PATCH /api/tenants/%s, or choose another slug."
                        .formatted(tenant.slug(), tenant.slug()));
        problem.setTitle("Tenant exists");
        throw new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
    }

    @Transactional(readOnly = true)
    TenantView find(String slug) {
        return tenants.findBySlug(slug).map(TenantView::of).orElseThrow(() -> new TenantNotFound(slug));
    }

    @Transactional(readOnly = true)
    List<TenantView> list(@Nullable String after, int limit) {
        return tenants.findBySlugGreaterThanOrderBySlugAsc(after == null ? "" : after, Limit.of(limit)).stream()
                .map(TenantView::of)
                .toList();
    }

    /**
     * Changes a tenant's display name or status.
     *
     * @param status {@code ACTIVE} or {@code SUSPENDED}, {@code null} to leave it
     */
    @Transactional
    TenantView change(String slug, @Nullable String displayName, @Nullable String status) {
        var tenant = tenants.findBySlug(slug).orElseThrow(() -> new TenantNotFound(slug));
        if (displayName != null) {
            tenant.rename(displayName);
        }
        if (status != null) {
            // a merge patch states the status wanted: naming the current one again is no transition
            tenant.changeStatus(
                    switch (status) {
                        case "ACTIVE" -> Tenant.Status.ACTIVE;
                        case "SUSPENDED" -> Tenant.Status.SUSPENDED;
                        default -> throw InvalidRequest.field("status", "must be ACTIVE or SUSPENDED");
                    });
        }
        tenants.save(tenant);
        registry.forget(tenant.id());
        return TenantView.of(tenant);
    }

    private String fingerprint(NewTenant canonical) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(json.writeValueAsString(canonical).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
