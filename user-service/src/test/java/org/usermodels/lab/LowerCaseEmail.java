package org.usermodels.lab;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.SQLRestriction;
import org.jspecify.annotations.Nullable;

/**
 * A user whose email the database folds to lower case on the way in and out, by {@link ColumnTransformer}: SQL
 * around the column in every statement that reads or writes it (docs/sql-expression-api.md).
 */
@Entity(name = "LowerCaseEmail")
@Table(name = "users")
@SQLRestriction("deleted_at is null")
public class LowerCaseEmail {

    @Id
    private UUID id;

    private String username;

    @ColumnTransformer(read = "lower(email)", write = "lower(?)")
    private @Nullable String email;

    protected LowerCaseEmail() {
        this.id = new UUID(0, 0);
        this.username = "";
    }

    public @Nullable String email() {
        return email;
    }

    public void changeEmail(String email) {
        this.email = email;
    }
}
