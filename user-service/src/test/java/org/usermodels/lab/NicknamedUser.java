package org.usermodels.lab;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A user with a field the table has no column for, as an entity looks when its field was added and its migration was
 * not written: Hibernate's validation refuses it, and the schema diff proposes the column (docs/migrations.md).
 */
@Entity(name = "NicknamedUser")
@Table(name = "users")
public class NicknamedUser {

    @Id
    private UUID id;

    private String username;

    private @Nullable String nickname;

    protected NicknamedUser() {
        this.id = new UUID(0, 0);
        this.username = "";
    }
}
