package org.usermodels.user.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.usermodels.platform.domain.IllegalTransition;
import org.usermodels.platform.domain.TenantId;
import org.usermodels.user.outbox.DomainEvent;
import org.usermodels.user.outbox.NumberedEvent;

/**
 * A tenant: a Keycloak organization (same id; its alias is the slug) with the user types it enables. The
 * registry of tenants is not tenant-owned: platform administrators list all of them.
 *
 * <p>A tenant records its one event, {@code TenantCreated}, when it is created; the outbox receives it when the
 * tenant is saved. It is either active or suspended, and refuses to become what it is already.
 */
@Entity
@Table(name = "tenants")
class Tenant extends AbstractAggregateRoot<Tenant> {

    enum Status {
        ACTIVE,
        SUSPENDED
    }

    @Id
    private TenantId id;

    @Column(nullable = false, updatable = false, length = 40)
    private String slug;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "user_types", nullable = false)
    private String[] userTypes;

    /** SHA-256 of the request that created the tenant, so that an identical repeat is recognised. */
    @Column(name = "creation_fingerprint", updatable = false, length = 64)
    private @Nullable String creationFingerprint;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    /**
     * Optimistic locking, and how Spring Data tells a new entity from a stored one: the id is assigned (not
     * generated), so {@code save} would otherwise take every entity for a stored one and merge it, with a
     * SELECT first, instead of persisting it.
     */
    @Version
    private @Nullable Long version;

    protected Tenant() {}

    Tenant(
            TenantId id,
            String slug,
            String displayName,
            List<String> userTypes,
            @Nullable String fingerprint,
            Instant now) {
        this.id = Objects.requireNonNull(id, "id");
        this.slug = Objects.requireNonNull(slug, "slug");
        this.displayName = Objects.requireNonNull(displayName, "displayName");
        this.userTypes = userTypes.toArray(String[]::new);
        this.creationFingerprint = fingerprint;
        this.status = Status.ACTIVE;
        this.createdAt = now;
        recordCreation();
    }

    /**
     * Records {@code TenantCreated} for a tenant that was taken in by a statement of its own rather than
     * constructed here (a tenant Keycloak knew first; see {@code Tenants.takeIn}).
     */
    void recordTakenIn() {
        recordCreation();
    }

    private void recordCreation() {
        registerEvent(new NumberedEvent(new DomainEvent.TenantCreated(id.value(), slug, displayName, userTypes()), 1));
    }

    void rename(String displayName) {
        this.displayName = Objects.requireNonNull(displayName, "displayName");
    }

    /**
     * Suspends the tenant: its users are refused until it is activated again.
     *
     * @throws IllegalTransition if it is suspended already
     */
    void suspend() {
        if (status == Status.SUSPENDED) {
            throw new IllegalTransition("tenant", status.name(), "be suspended");
        }
        status = Status.SUSPENDED;
    }

    /**
     * Activates a suspended tenant.
     *
     * @throws IllegalTransition if it is active already
     */
    void activate() {
        if (status == Status.ACTIVE) {
            throw new IllegalTransition("tenant", status.name(), "be activated");
        }
        status = Status.ACTIVE;
    }

    /** Brings the tenant into {@code wanted}: a transition if it is in the other state, nothing if not. */
    void changeStatus(Status wanted) {
        if (wanted != status) {
            switch (wanted) {
                case ACTIVE -> activate();
                case SUSPENDED -> suspend();
            }
        }
    }

    TenantId id() {
        return id;
    }

    String slug() {
        return slug;
    }

    String displayName() {
        return displayName;
    }

    Status status() {
        return status;
    }

    List<String> userTypes() {
        return List.copyOf(Arrays.asList(userTypes));
    }

    @Nullable String creationFingerprint() {
        return creationFingerprint;
    }

    Instant createdAt() {
        return createdAt;
    }

    long version() {
        return version == null ? 0 : version;
    }

    /** The events the tenant recorded that have not been published yet, in the order recorded. */
    List<NumberedEvent> recordedEvents() {
        return domainEvents().stream().map(NumberedEvent.class::cast).toList();
    }

    @Override
    public boolean equals(Object other) {
        return this == other || (other instanceof Tenant tenant && id != null && id.equals(tenant.id));
    }

    @Override
    public int hashCode() {
        return Tenant.class.hashCode();
    }
}
