package org.usermodels.lab;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * A group holding its members, the inverse side of {@link BidirectionalUser#groups()}, with the helper that
 * JPA tutorials teach: it keeps both sides in step. For the group every user of a tenant belongs to, keeping its
 * side in step means reading every member first (docs/performance.md, "Creating a user").
 */
@Entity(name = "BidirectionalGroup")
@Table(name = "groups")
public class BidirectionalGroup {

    @Id
    private UUID id;

    private String name;

    @ManyToMany(mappedBy = "groups")
    private Set<BidirectionalUser> members = new HashSet<>();

    protected BidirectionalGroup() {
        this.id = new UUID(0, 0);
        this.name = "";
    }

    /** Adds a member to both sides, as a bidirectional helper does. */
    public void addMember(BidirectionalUser user) {
        members.add(user);
        user.groups().add(this);
    }

    /** The members' usernames, as the collection loads them. */
    public java.util.List<String> memberNames() {
        return members.stream().map(BidirectionalUser::username).sorted().toList();
    }

    public String name() {
        return name;
    }
}
