package org.usermodels.user.identity;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jboss.resteasy.client.jaxrs.internal.ResteasyClientBuilderImpl;
import org.jspecify.annotations.Nullable;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.OrganizationMembersResource;
import org.keycloak.admin.client.resource.OrganizationsResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UsersResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.PartialImportRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.usermodels.platform.domain.TenantId;
import org.usermodels.platform.domain.UserId;

/** {@link IdentityDirectory} on Keycloak's admin REST API, with a time limit on every call. */
@Component
class KeycloakIdentityDirectory implements IdentityDirectory, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(KeycloakIdentityDirectory.class);
    static final int PAGE = 100;
    private static final int PARALLEL_MEMBERSHIPS = 8;
    private static final int IMPORT_BATCH = 100;

    private final Keycloak keycloak;
    private final String realmName;
    // RESTEasy builds a client proxy for every resource it is asked for; built once here, they are reused by
    // every call (and are safe to share between threads).
    private final RealmResource realm;
    private final UsersResource users;
    private final OrganizationsResource organizations;
    private final Map<TenantId, OrganizationMembersResource> memberResources = new ConcurrentHashMap<>();

    KeycloakIdentityDirectory(KeycloakProperties properties) {
        var http = new ResteasyClientBuilderImpl()
                .connectTimeout(properties.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(properties.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .connectionPoolSize(20)
                .build();
        this.keycloak = KeycloakBuilder.builder()
                .serverUrl(properties.url().toString())
                .realm(properties.realm())
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                .clientId(properties.clientId())
                .clientSecret(properties.clientSecret())
                .resteasyClient(http)
                .build();
        this.realmName = properties.realm();
        this.realm = keycloak.realm(realmName);
        this.users = realm.users();
        this.organizations = realm.organizations();
    }

    @Override
    public TenantId createOrganization(String alias, String displayName) {
        return call("create organization", () -> {
            // Organization names are unique in the realm, display names need not be: the name is the alias
            // too, and the display name goes into the description.
            var organization = new OrganizationRepresentation();
            organization.setAlias(alias);
            organization.setName(alias);
            organization.setDescription(displayName);
            organization.setEnabled(true);
            try (var response = organizations.create(organization)) {
                if (response.getStatus() == Response.Status.CONFLICT.getStatusCode()) {
                    throw new IdentityConflict(
                            "An organization '%s' already exists in the identity provider.".formatted(alias));
                }
                return TenantId.of(UUID.fromString(CreatedResponseUtil.getCreatedId(response)));
            }
        });
    }

    @Override
    public Optional<TenantId> findOrganization(String alias) {
        return call(
                "find organization",
                () -> organizations.search(alias, true, 0, 10).stream()
                        .filter(organization -> alias.equals(organization.getAlias()))
                        .map(organization -> TenantId.of(UUID.fromString(organization.getId())))
                        .findFirst());
    }

    @Override
    public void deleteOrganization(TenantId organizationId) {
        call("delete organization", () -> {
            try (var response = organizations.get(organizationId.toString()).delete()) {
                return response.getStatus();
            }
        });
    }

    /**
     * One identity, created as a batch of one ({@link #createMembers}): Keycloak's partial import takes an id of
     * ours and the realm role in one request, where its {@code POST /users} chooses the id itself and needs a
     * second request for the role; the organization membership is the other request.
     */
    @Override
    public UserId createMember(TenantId organizationId, NewIdentity identity) {
        var id = UserId.of(UUID.randomUUID());
        createMember(organizationId, new PlannedIdentity(id, identity));
        return id;
    }

    /**
     * Keycloak's partial import, with {@code ifResourceExists: FAIL}: one request and one Keycloak transaction
     * per {@value #IMPORT_BATCH} identities, ids chosen by us, realm roles and required actions included. (An
     * import's time grows faster than its size: on two cores 100 users take about 0.5 s, 500 take 8 to 10 s, so
     * a larger batch is cut into requests of the size Keycloak handles best.) FAIL rather than SKIP because
     * Keycloak 26.7's SKIP fails the whole import with a 500 when a user matches another by email only; a 409
     * means some identity of the batch is taken, and the batch is split in halves until each taken one is
     * alone (so k conflicts cost about k·log n requests, and none the usual batch); a 400 (details Keycloak
     * refuses, which our validation let through) is split the same way, so that it refuses the one identity
     * alone. Organization membership has no bulk API: it is one request per identity,
     * {@value #PARALLEL_MEMBERSHIPS} at a time. When a request fails on the way, the identities the earlier
     * requests created are removed again before the failure is thrown.
     */
    @Override
    public Map<UserId, Provisioning> createMembers(TenantId organizationId, List<PlannedIdentity> identities) {
        var outcome = new ConcurrentHashMap<UserId, Provisioning>();
        try {
            for (var from = 0; from < identities.size(); from += IMPORT_BATCH) {
                importOrSplit(identities.subList(from, Math.min(identities.size(), from + IMPORT_BATCH)), outcome);
            }
        } catch (RuntimeException failure) {
            removeQuietly(created(identities, outcome), failure);
            throw failure;
        }
        var members = identities.stream()
                .filter(planned -> outcome.get(planned.id()) == Provisioning.CREATED
                        || outcome.get(planned.id()) == Provisioning.EXISTED)
                .map(PlannedIdentity::id)
                .toList();
        try {
            parallel(members, userId -> addMember(organizationId, userId));
        } catch (RuntimeException failure) {
            removeQuietly(created(identities, outcome), failure);
            throw failure;
        }
        return Map.copyOf(outcome);
    }

    private static List<UserId> created(List<PlannedIdentity> identities, Map<UserId, Provisioning> outcome) {
        return identities.stream()
                .map(PlannedIdentity::id)
                .filter(id -> outcome.get(id) == Provisioning.CREATED)
                .toList();
    }

    private void importOrSplit(List<PlannedIdentity> batch, Map<UserId, Provisioning> outcome) {
        var status = call("import users", () -> {
            var request = new PartialImportRepresentation();
            request.setIfResourceExists(PartialImportRepresentation.Policy.FAIL.name());
            request.setUsers(batch.stream().map(this::representationOf).toList());
            try (var response = realm().partialImport(request)) {
                if (response.getStatus() != Response.Status.OK.getStatusCode()
                        && response.getStatus() != Response.Status.CONFLICT.getStatusCode()
                        && response.getStatus() != Response.Status.BAD_REQUEST.getStatusCode()) {
                    throw new WebApplicationException(response.getStatus());
                }
                return response.getStatus();
            }
        });
        if (status == Response.Status.OK.getStatusCode()) {
            batch.forEach(planned -> outcome.put(planned.id(), Provisioning.CREATED));
        } else if (batch.size() == 1 && status == Response.Status.BAD_REQUEST.getStatusCode()) {
            log.warn(
                    "Keycloak refused the details of identity {} as invalid",
                    batch.getFirst().id());
            outcome.put(batch.getFirst().id(), Provisioning.REFUSED);
        } else if (batch.size() == 1) {
            var planned = batch.getFirst();
            var existing = find(planned.id());
            outcome.put(
                    planned.id(),
                    existing.isPresent()
                                    && existing.get()
                                            .username()
                                            .equalsIgnoreCase(planned.identity().username())
                            ? Provisioning.EXISTED
                            : Provisioning.TAKEN);
        } else {
            importOrSplit(batch.subList(0, batch.size() / 2), outcome);
            importOrSplit(batch.subList(batch.size() / 2, batch.size()), outcome);
        }
    }

    private void addMember(TenantId organizationId, UserId userId) {
        call("add organization member", () -> {
            try (var response = membersOf(organizationId).addMember(userId.toString())) {
                // 409: a member already, from an earlier attempt at the same batch
                if (response.getStatusInfo().getFamily() != Response.Status.Family.SUCCESSFUL
                        && response.getStatus() != Response.Status.CONFLICT.getStatusCode()) {
                    throw new WebApplicationException(response.getStatus());
                }
                return null;
            }
        });
    }

    @Override
    public void removeAll(Collection<UserId> userIds) {
        parallel(List.copyOf(userIds), this::remove);
    }

    /** Runs {@code work} for each id, {@value #PARALLEL_MEMBERSHIPS} at a time; the first failure is thrown. */
    private static void parallel(List<UserId> ids, Consumer<UserId> work) {
        var permits = new Semaphore(PARALLEL_MEMBERSHIPS);
        var failure = new AtomicReference<@Nullable RuntimeException>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (var id : ids) {
                permits.acquireUninterruptibly();
                if (failure.get() != null) {
                    permits.release();
                    break;
                }
                executor.execute(() -> {
                    try {
                        work.accept(id);
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                    } finally {
                        permits.release();
                    }
                });
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    /**
     * A new identity as the partial import takes it. An import grants none of the realm's default roles
     * ({@code POST /users} does), so the default-roles composite is named beside the type's role.
     */
    private UserRepresentation representationOf(PlannedIdentity planned) {
        var identity = planned.identity();
        var user = new UserRepresentation();
        user.setId(planned.id().toString());
        user.setUsername(identity.username());
        user.setEmail(identity.email());
        user.setEmailVerified(identity.email() != null);
        user.setFirstName(identity.firstName());
        user.setLastName(identity.lastName());
        user.setEnabled(true);
        if (identity.password() != null) {
            var credential = new CredentialRepresentation();
            credential.setType(CredentialRepresentation.PASSWORD);
            credential.setValue(identity.password());
            credential.setTemporary(false);
            user.setCredentials(List.of(credential));
        } else {
            user.setRequiredActions(List.of("UPDATE_PASSWORD"));
        }
        user.setRealmRoles(List.of(identity.realmRole(), "default-roles-" + realmName.toLowerCase(Locale.ROOT)));
        return user;
    }

    @Override
    public void update(
            UserId userId,
            @Nullable String email,
            @Nullable String firstName,
            @Nullable String lastName,
            boolean enabled) {
        call("update user", () -> {
            var resource = users.get(userId.toString());
            var user = resource.toRepresentation();
            user.setEmail(email);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setEnabled(enabled);
            resource.update(user);
            return null;
        });
    }

    @Override
    public void remove(UserId userId) {
        call("remove user", () -> {
            var resource = users.get(userId.toString());
            try {
                var user = resource.toRepresentation();
                user.setEnabled(false);
                resource.update(user);
            } catch (jakarta.ws.rs.NotFoundException alreadyGone) {
                return null;
            }
            try {
                resource.remove();
            } catch (jakarta.ws.rs.NotFoundException alreadyGone) {
                // removed meanwhile: the outcome we wanted
            }
            return null;
        });
    }

    @Override
    public Optional<Identity> find(UserId userId) {
        return call("find user", () -> {
            try {
                return Optional.of(identityOf(users.get(userId.toString()).toRepresentation()));
            } catch (jakarta.ws.rs.NotFoundException notFound) {
                return Optional.empty();
            }
        });
    }

    @Override
    public List<Identity> members(TenantId organizationId) {
        return call("list organization members", () -> {
            var resource = membersOf(organizationId);
            return listAll(
                    "organization " + organizationId,
                    resource::count,
                    first -> resource.list(first, PAGE).stream()
                            .map(KeycloakIdentityDirectory::identityOf)
                            .toList());
        });
    }

    /**
     * Every member of an organization, from pages of {@link #PAGE} by offset, or a refusal. Keycloak pages its
     * members by offset, and its query has no order PostgreSQL must keep from one page's statement to the next:
     * under load (a synchronized sequential scan joining another one midway) pages overlap and miss members. A
     * reconciler that trusted such a listing would delete every user it missed (14,089 of 100,000 in a benchmark
     * run of 2026-12-01). So the members found, without duplicates, must be as many as the organization's member
     * count; a listing short of it is taken again, and after {@link #LISTING_ATTEMPTS} refused as the identity
     * provider being unavailable, so that nothing is reconciled from it.
     *
     * @param page the page that starts at an offset
     */
    static List<Identity> listAll(String what, LongSupplier count, IntFunction<List<Identity>> page) {
        for (var attempt = 1; ; attempt++) {
            var expected = count.getAsLong();
            var members = new LinkedHashMap<UserId, Identity>();
            for (var first = 0; ; first += PAGE) {
                var found = page.apply(first);
                found.forEach(member -> members.putIfAbsent(member.id(), member));
                if (found.size() < PAGE) {
                    break;
                }
            }
            if (members.size() >= expected) {
                return List.copyOf(members.values());
            }
            log.warn(
                    "Listing the members of {} found {} of {} (attempt {} of {})",
                    what,
                    members.size(),
                    expected,
                    attempt,
                    LISTING_ATTEMPTS);
            if (attempt == LISTING_ATTEMPTS) {
                throw new IdentityUnavailable(
                        "list organization members",
                        new IllegalStateException("found %d of %d members".formatted(members.size(), expected)));
            }
        }
    }

    static final int LISTING_ATTEMPTS = 3;

    @Override
    public void destroy() {
        keycloak.close();
    }

    private void removeQuietly(List<UserId> userIds, RuntimeException cause) {
        try {
            removeAll(userIds);
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
            log.error("Could not remove identities {} after a failed creation; the reconciler will", userIds, e);
        }
    }

    private RealmResource realm() {
        return realm;
    }

    private OrganizationMembersResource membersOf(TenantId organizationId) {
        return memberResources.computeIfAbsent(
                organizationId, id -> organizations.get(id.toString()).members());
    }

    private static Identity identityOf(UserRepresentation user) {
        return new Identity(
                UserId.of(UUID.fromString(user.getId())),
                user.getUsername(),
                user.getEmail(),
                user.getFirstName(),
                user.getLastName(),
                Boolean.TRUE.equals(user.isEnabled()));
    }

    /** Runs one admin operation, turning transport failures and server errors into {@link IdentityUnavailable}. */
    private static <T> T call(String operation, Supplier<T> work) {
        try {
            return work.get();
        } catch (IdentityConflict conflict) {
            throw conflict;
        } catch (ProcessingException | WebApplicationException failure) {
            log.warn("Keycloak admin call '{}' failed: {}", operation, failure.toString());
            throw new IdentityUnavailable(operation, failure);
        }
    }
}
