package org.usermodels.lab;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.SQLRestriction;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * A user mapped with {@link DynamicUpdate}: an UPDATE names the columns that changed, where the service's
 * {@code User} sends every updatable column each time (docs/orm-layers.md, "Dirty checking").
 */
@Entity(name = "DynamicUser")
@Table(name = "users")
@DynamicUpdate
@SQLRestriction("deleted_at is null")
public class DynamicUser {

    @Id
    private UUID id;

    private String username;

    private @Nullable String email;

    @Column(name = "first_name")
    private @Nullable String firstName;

    @Column(name = "last_name")
    private @Nullable String lastName;

    private String status;

    @JdbcTypeCode(SqlTypes.JSON)
    private String attributes;

    @Version
    private long version;

    protected DynamicUser() {
        this.id = new UUID(0, 0);
        this.username = "";
        this.status = "";
        this.attributes = "{}";
    }

    public void disable() {
        this.status = "DISABLED";
    }
}
