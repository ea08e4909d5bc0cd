package org.usermodels.lab;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Map;
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
public class ImmutableAttributes extends AttributesRow {

    @Convert(converter = MutableMapConverter.class)
    @Mutability(Immutability.class)
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> attributes = Map.of();

    protected ImmutableAttributes() {}

    @Override
    protected Map<String, Object> attributes() {
        return attributes;
    }

    @Override
    protected void attributes(Map<String, Object> attributes) {
        this.attributes = attributes;
    }
}
