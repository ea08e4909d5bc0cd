package org.usermodels.user.attribute;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Maps a user's attribute values (a JSON object) to the {@code jsonb} column: a custom field type. Decimals
 * are read as {@code BigDecimal}, so that 0.1 stays 0.1.
 */
@Converter
public class AttributeValuesConverter implements AttributeConverter<Map<String, Object>, String> {

    static final JsonMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    @Override
    public String convertToDatabaseColumn(@Nullable Map<String, Object> values) {
        return json.writeValueAsString(values == null ? Map.of() : values);
    }

    @Override
    public Map<String, Object> convertToEntityAttribute(@Nullable String column) {
        if (column == null || column.isBlank()) {
            return Map.of();
        }
        return Collections.unmodifiableMap(
                json.readValue(column, new TypeReference<LinkedHashMap<String, Object>>() {}));
    }

    /** A single value as JSON text, for SQL that compares or writes one value. */
    public static String toJson(Object value) {
        return json.writeValueAsString(value);
    }

    /** A single JSON value read back into Java. */
    public static Object fromJson(String text) {
        return json.readValue(text, Object.class);
    }
}
