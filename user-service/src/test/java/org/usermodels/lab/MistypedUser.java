package org.usermodels.lab;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * A user whose date of joining is mapped as text, where the column is a {@code timestamptz}: a mapping that disagrees
 * with the schema on a type, which Hibernate's validation refuses (docs/migrations.md).
 */
@Entity(name = "MistypedUser")
@Table(name = "users")
public class MistypedUser {

    @Id
    private UUID id;

    @Column(name = "date_joined")
    private String dateJoined;

    protected MistypedUser() {
        this.id = new UUID(0, 0);
        this.dateJoined = "";
    }
}
