package org.usermodels.profile.profile;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Objects;
import java.util.UUID;
import org.springframework.data.domain.Persistable;

/** A skill of the tenant's catalog, named once (case-insensitively) and rated by many staff members. */
@Entity
@Table(name = "skills")
class Skill implements Persistable<UUID> {

    @Id
    private UUID id;

    @Column(nullable = false, updatable = false, length = 100)
    private String name;

    @jakarta.persistence.Transient
    private boolean fresh;

    protected Skill() {}

    Skill(String name) {
        this.id = UUID.randomUUID();
        this.name = Objects.requireNonNull(name, "name");
        this.fresh = true;
    }

    String name() {
        return name;
    }

    @Override
    public UUID getId() {
        return id;
    }

    /** New until saved: the id is assigned, so Spring Data needs telling, to persist rather than merge. */
    @Override
    public boolean isNew() {
        return fresh;
    }

    @jakarta.persistence.PostPersist
    @jakarta.persistence.PostLoad
    void stored() {
        fresh = false;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || (other instanceof Skill skill && id.equals(skill.id));
    }

    @Override
    public int hashCode() {
        return Skill.class.hashCode();
    }
}
