package org.usermodels.lab;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.SQLRestriction;

/** A user holding their groups, the owning side of a two-way many-to-many, as usermodels once mapped it. */
@Entity(name = "BidirectionalUser")
@Table(name = "users")
@SQLRestriction("deleted_at is null")
public class BidirectionalUser {

    @Id
    private UUID id;

    private String username;

    @ManyToMany
    @JoinTable(
            name = "group_members",
            joinColumns = @JoinColumn(name = "user_id"),
            inverseJoinColumns = @JoinColumn(name = "group_id"))
    private Set<BidirectionalGroup> groups = new HashSet<>();

    protected BidirectionalUser() {
        this.id = new UUID(0, 0);
        this.username = "";
    }

    Set<BidirectionalGroup> groups() {
        return groups;
    }

    public String username() {
        return username;
    }
}
