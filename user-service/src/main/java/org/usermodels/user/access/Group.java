package org.usermodels.user.access;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.usermodels.platform.domain.TenantId;

/**
 * A group of users of one tenant, with the permissions its members get. Every tenant has two that cannot
 * be renamed or deleted: {@value #ADMINS}, whose members manage the tenant, and {@value #MEMBERS}, which
 * every new user joins.
 *
 * <p>A group does not hold its members: a membership is a row of its own ({@link Membership}), which names the
 * user by id. {@value #MEMBERS} holds every user of the tenant, so a collection of members on the group would
 * be read whole by the first change to it (docs/model-classes.md, "Features as modules").
 */
@Entity
@Table(name = "groups")
class Group {

    static final String ADMINS = "admins";
    static final String MEMBERS = "members";

    @Id
    private GroupId id;

    @org.hibernate.annotations.TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private TenantId tenantId;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "group_permissions", joinColumns = @JoinColumn(name = "group_id"))
    @Column(name = "permission_code", length = 64)
    private Set<String> permissions = new HashSet<>();

    /**
     * Optimistic locking, and how Spring Data tells a new entity from a stored one: the id is assigned (not
     * generated), so {@code save} would otherwise take every entity for a stored one and merge it, with a
     * SELECT first, instead of persisting it.
     */
    @Version
    private @Nullable Long version;

    protected Group() {}

    /** A new group of the tenant {@code tenantId}, the one Hibernate binds the session to. */
    Group(TenantId tenantId, String name, Instant now) {
        this.id = GroupId.random();
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.name = Objects.requireNonNull(name, "name");
        this.createdAt = now;
    }

    /** Whether this is one of the groups every tenant has. */
    boolean builtIn() {
        return ADMINS.equals(name) || MEMBERS.equals(name);
    }

    /**
     * Renames the group.
     *
     * @throws IllegalStateException for a built-in group
     */
    void rename(String newName) {
        if (builtIn()) {
            throw new IllegalStateException("The group '" + name + "' cannot be renamed");
        }
        this.name = Objects.requireNonNull(newName, "name");
    }

    void grant(PermissionCode permission) {
        permissions.add(permission.value());
    }

    void revoke(PermissionCode permission) {
        permissions.remove(permission.value());
    }

    GroupId id() {
        return id;
    }

    String name() {
        return name;
    }

    Instant createdAt() {
        return createdAt;
    }

    Set<String> permissions() {
        return Set.copyOf(permissions);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || (other instanceof Group group && id != null && id.equals(group.id));
    }

    @Override
    public int hashCode() {
        return Group.class.hashCode();
    }
}
