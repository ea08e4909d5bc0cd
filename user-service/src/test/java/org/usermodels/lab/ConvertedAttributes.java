package org.usermodels.lab;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Map;
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
public class ConvertedAttributes extends AttributesRow {

    @Convert(converter = MutableMapConverter.class)
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> attributes = Map.of();

    protected ConvertedAttributes() {}

    @Override
    protected Map<String, Object> attributes() {
        return attributes;
    }

    @Override
    protected void attributes(Map<String, Object> attributes) {
        this.attributes = attributes;
    }
}
