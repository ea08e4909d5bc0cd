package org.usermodels.lab;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * A group with its permission codes mapped as the service's {@code Group} maps them, in a session factory without
 * batch fetching: each group's codes are a query of their own (docs/orm-layers.md, "Lazy loading").
 */
@Entity(name = "UnbatchedGroup")
@Table(name = "groups")
public class UnbatchedGroup {

    @Id
    private UUID id;

    private String name;

    @ElementCollection
    @CollectionTable(name = "group_permissions", joinColumns = @JoinColumn(name = "group_id"))
    @Column(name = "permission_code")
    private Set<String> permissions = new HashSet<>();

    protected UnbatchedGroup() {
        this.id = new UUID(0, 0);
        this.name = "";
    }

    public int permissionCount() {
        return permissions.size();
    }
}
