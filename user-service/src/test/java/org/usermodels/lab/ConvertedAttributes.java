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
import org.hibernate.annotations.SQLRestriction;
import org.hibernate.type.SqlTypes;

/**
 * A user's custom attributes through a converter that hands out a map the code may change in place, unlike the
 * service's, which hands out an unmodifiable one (docs/custom-fields.md, "What a converter cannot do").
 */
@Entity(name = "ConvertedAttributes")
@Table(name = "users")
@SQLRestriction("deleted_at is null")
public class ConvertedAttributes {

    @Id
    private UUID id;

    private String username;

    @Convert(converter = MutableMapConverter.class)
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> attributes;

    @Version
    private long version;

    protected ConvertedAttributes() {
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
