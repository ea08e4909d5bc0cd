package org.usermodels.lab;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.annotations.SQLRestriction;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

/**
 * The same attributes, with Hibernate told the converted value is immutable: no copy is kept to compare with,
 * so a change made in place is not seen, and only a replaced map is written (docs/custom-fields.md).
 */
@Entity(name = "ImmutableAttributes")
@Table(name = "users")
@SQLRestriction("deleted_at is null")
public class ImmutableAttributes {

    @Id
    private UUID id;

    private String username;

    @Convert(converter = MutableMapConverter.class)
    @Mutability(Immutability.class)
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> attributes;

    @Version
    private long version;

    protected ImmutableAttributes() {
        this.id = new UUID(0, 0);
        this.username = "";
        this.attributes = Map.of();
    }

    /** Changes the map the entity holds, in place. */
    public void putInPlace(String name, Object value) {
        attributes.put(name, value);
    }

    /** Replaces the map with a changed copy. */
    public void replace(String name, Object value) {
        var copy = new LinkedHashMap<>(attributes);
        copy.put(name, value);
        this.attributes = copy;
    }
}
