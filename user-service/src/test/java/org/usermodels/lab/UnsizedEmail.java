package org.usermodels.lab;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A user whose email is mapped without its length, where the column is a {@code varchar(320)}: Hibernate takes it for a
 * {@code varchar(255)}. Its validation compares types and lets this pass; its schema migrator compares lengths too, and
 * would shorten the column (docs/migrations.md).
 */
@Entity(name = "UnsizedEmail")
@Table(name = "users")
public class UnsizedEmail {

    @Id
    private UUID id;

    private @Nullable String email;

    protected UnsizedEmail() {
        this.id = new UUID(0, 0);
    }
}
