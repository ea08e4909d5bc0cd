package org.usermodels.lab;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** JSON text to a map that may be changed in place. */
@Converter
public class MutableMapConverter implements AttributeConverter<Map<String, Object>, String> {

    private static final JsonMapper json = JsonMapper.builder().build();

    @Override
    public String convertToDatabaseColumn(@Nullable Map<String, Object> values) {
        return json.writeValueAsString(values == null ? Map.of() : values);
    }

    @Override
    public Map<String, Object> convertToEntityAttribute(@Nullable String column) {
        return column == null
                ? new LinkedHashMap<>()
                : json.readValue(column, new TypeReference<LinkedHashMap<String, Object>>() {});
    }
}
