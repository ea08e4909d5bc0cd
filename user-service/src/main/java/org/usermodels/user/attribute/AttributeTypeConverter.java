package org.usermodels.user.attribute;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores an attribute's type by the name clients use ({@code integer}), as the column's CHECK expects. */
@Converter
class AttributeTypeConverter implements AttributeConverter<AttributeType, String> {

    @Override
    public String convertToDatabaseColumn(AttributeType type) {
        return type.jsonName();
    }

    @Override
    public AttributeType convertToEntityAttribute(String column) {
        return AttributeType.fromJsonName(column)
                .orElseThrow(() -> new IllegalStateException("Unknown attribute type in the database: " + column));
    }
}
