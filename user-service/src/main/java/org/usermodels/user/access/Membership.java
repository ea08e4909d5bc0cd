package org.usermodels.user.access;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.usermodels.platform.domain.TenantId;
import org.usermodels.platform.domain.UserId;

/**
 * A user's membership of a group: a row of {@code group_members}, naming the group and the user by id. Neither
 * the group nor the user holds a collection of the other, so joining a group writes one row and reads none,
 * however many members the group has; memberships are written by set-based statements ({@link GroupMembers})
 * and read by queries, never changed in memory, hence {@link Immutable}.
 */
@Entity
@Immutable
@Table(name = "group_members")
class Membership {

    @EmbeddedId
    private Key id;

    @org.hibernate.annotations.TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private TenantId tenantId;

    protected Membership() {}

    /** The membership's key: the group and the user. */
    @Embeddable
    record Key(
            @Column(name = "group_id") GroupId groupId,
            @Column(name = "user_id") UserId userId) {}

    Key id() {
        return id;
    }
}
