package org.usermodels.lab;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * A membership row pointing at its user with a to-one association, where the service's {@code Membership} holds
 * the user's id alone: the to-one side of what {@code @SQLRestriction} on the user does and does not hide
 * (docs/repositories.md, "The default manager's counterpart").
 */
@Entity(name = "LabMembership")
@Table(name = "group_members")
@IdClass(LabMembership.Key.class)
public class LabMembership {

    /** The membership's key: the group and the user. */
    public record Key(UUID groupId, UUID userId) {}

    @Id
    @Column(name = "group_id")
    private UUID groupId;

    @Id
    @Column(name = "user_id")
    private UUID userId;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "user_id", insertable = false, updatable = false)
    private BidirectionalUser user;

    protected LabMembership() {
        this.groupId = new UUID(0, 0);
        this.userId = new UUID(0, 0);
        this.user = new BidirectionalUser();
    }

    public BidirectionalUser user() {
        return user;
    }
}
