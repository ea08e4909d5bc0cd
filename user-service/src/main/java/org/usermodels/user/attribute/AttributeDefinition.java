package org.usermodels.user.attribute;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Persistable;
import org.usermodels.platform.domain.TenantId;

/**
 * A tenant's definition of one custom attribute. Replaced as a whole when the tenant redefines it, so it is
 * only ever inserted: {@link #isNew()} tells Spring Data to persist rather than merge (the id, the name, is
 * assigned).
 */
@Entity
@Table(name = "attribute_definitions")
class AttributeDefinition implements Persistable<String> {

    @Id
    @Column(length = 40)
    private String name;

    @org.hibernate.annotations.TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private TenantId tenantId;

    @Convert(converter = AttributeTypeConverter.class)
    @Column(nullable = false, length = 16)
    private AttributeType type;

    private boolean required;

    @Column(name = "unique_values")
    private boolean unique;

    private boolean searchable;

    // numeric without a precision, as in the migration: Hibernate would otherwise take numeric(38,2)
    @Column(name = "min_value", columnDefinition = "numeric")
    private @Nullable BigDecimal min;

    @Column(name = "max_value", columnDefinition = "numeric")
    private @Nullable BigDecimal max;

    @Column(name = "max_length")
    private @Nullable Integer maxLength;

    @Column(length = 500)
    private @Nullable String pattern;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "enum_values")
    private String @Nullable [] enumValues;

    @Column(nullable = false)
    private int position;

    protected AttributeDefinition() {}

    /** The definition of one of the rules of the tenant {@code tenantId}, the one Hibernate binds the session to. */
    AttributeDefinition(TenantId tenantId, AttributeRule rule, int position) {
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.name = rule.name();
        this.type = rule.type();
        this.required = rule.required();
        this.unique = rule.unique();
        this.searchable = rule.searchable();
        this.min = rule.min();
        this.max = rule.max();
        this.maxLength = rule.maxLength();
        this.pattern = rule.pattern() == null ? null : rule.pattern().pattern();
        this.enumValues = rule.values().isEmpty() ? null : rule.values().toArray(String[]::new);
        this.position = position;
    }

    /** The rule this definition stores. */
    AttributeRule rule() {
        return new AttributeRule(
                name,
                type,
                required,
                unique,
                searchable,
                min,
                max,
                maxLength,
                pattern == null ? null : java.util.regex.Pattern.compile(pattern),
                enumValues == null ? List.of() : List.of(enumValues));
    }

    String name() {
        return name;
    }

    @Override
    public String getId() {
        return name;
    }

    @Override
    public boolean isNew() {
        return true;
    }

    int position() {
        return position;
    }

    @Override
    public boolean equals(Object other) {
        return this == other
                || (other instanceof AttributeDefinition definition
                        && name != null
                        && name.equals(definition.name)
                        && tenantId != null
                        && tenantId.equals(definition.tenantId));
    }

    @Override
    public int hashCode() {
        return AttributeDefinition.class.hashCode();
    }
}
