package org.usermodels.lab;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.UUID;

/** A typed id as a JPA converter would map it. */
@Converter
public class LabUserIdConverter implements AttributeConverter<LabUserId, UUID> {

    @Override
    public UUID convertToDatabaseColumn(LabUserId id) {
        return id.value();
    }

    @Override
    public LabUserId convertToEntityAttribute(UUID value) {
        return new LabUserId(value);
    }
}
