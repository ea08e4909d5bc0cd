package org.usermodels.user.attribute;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One custom attribute as the API shows and takes it. On {@code PUT /api/tenant/attributes}, {@code default}
 * back-fills the users that have no value when the attribute becomes required; it is not stored.
 *
 * @param name letters, digits and underscores, starting with a lower-case letter; at most 40 characters
 * @param type {@code string|integer|decimal|boolean|date|enum|email|phone}
 * @param min smallest allowed value (integer and decimal)
 * @param max largest allowed value (integer and decimal)
 * @param maxLength longest allowed value (string)
 * @param pattern a regular expression the whole value must match (string)
 * @param values the allowed values (enum)
 */
public record AttributeSpec(
        @Schema(maxLength = 40, pattern = "^[a-z][a-zA-Z0-9_]{0,39}$") @Nullable String name,

        @Schema(allowableValues = {"string", "integer", "decimal", "boolean", "date", "enum", "email", "phone"})
        @Nullable String type,

        Boolean required,
        Boolean unique,
        Boolean searchable,
        @Nullable BigDecimal min,
        @Nullable BigDecimal max,

        @Schema(minimum = "1", maximum = "" + AttributeSchema.MAX_STRING_LENGTH) @Nullable Integer maxLength,

        @Schema(maxLength = AttributeSchema.MAX_PATTERN_LENGTH, format = "regex") @Nullable String pattern,

        @ArraySchema(maxItems = AttributeSchema.MAX_VALUES, schema = @Schema(maxLength = 100)) @Nullable List<String> values,

        @JsonProperty("default") @Nullable Object defaultValue) {

    /** Absent flags are {@code false}. */
    public AttributeSpec {
        required = Boolean.TRUE.equals(required);
        unique = Boolean.TRUE.equals(unique);
        searchable = Boolean.TRUE.equals(searchable);
    }
}
