package org.usermodels.user.attribute;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A validated attribute definition: what a value of the attribute must satisfy. Built from a client's
 * {@link AttributeSpec} by {@link AttributeSchema#define}, which refuses inconsistent definitions.
 */
public record AttributeRule(
        String name,
        AttributeType type,
        boolean required,
        boolean unique,
        boolean searchable,
        @Nullable BigDecimal min,
        @Nullable BigDecimal max,
        @Nullable Integer maxLength,
        @Nullable Pattern pattern,
        List<String> values) {

    public AttributeRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        values = List.copyOf(values);
    }

    /**
     * Checks and normalises one value (not {@code null}).
     *
     * @throws IllegalArgumentException with a message for the client
     */
    Object check(Object value) {
        var parsed = type.parse(value);
        if (parsed instanceof Number number) {
            var decimal = new BigDecimal(number.toString());
            if (min != null && decimal.compareTo(min) < 0) {
                throw new IllegalArgumentException("must be at least " + min.toPlainString());
            }
            if (max != null && decimal.compareTo(max) > 0) {
                throw new IllegalArgumentException("must be at most " + max.toPlainString());
            }
        }
        if (parsed instanceof String text) {
            if (maxLength != null && text.length() > maxLength) {
                throw new IllegalArgumentException("must be at most %d characters long".formatted(maxLength));
            }
            if (pattern != null && !pattern.matcher(text).matches()) {
                throw new IllegalArgumentException("must match the pattern " + pattern.pattern());
            }
            if (type == AttributeType.ENUM && !values.contains(text)) {
                throw new IllegalArgumentException("must be one of " + values);
            }
        }
        return parsed;
    }

    /** Whether a value that {@code previous} accepted may be rejected by this rule. */
    boolean mayRejectValuesAcceptedBy(AttributeRule previous) {
        return type != previous.type
                || (unique && !previous.unique)
                || (min != null && (previous.min == null || min.compareTo(previous.min) > 0))
                || (max != null && (previous.max == null || max.compareTo(previous.max) < 0))
                || (maxLength != null && (previous.maxLength == null || maxLength < previous.maxLength))
                || (pattern != null && !Objects.equals(pattern.pattern(), previous.patternText()))
                || !values.containsAll(previous.values);
    }

    @Nullable String patternText() {
        return pattern == null ? null : pattern.pattern();
    }

    AttributeSpec toSpec() {
        return new AttributeSpec(
                name,
                type.jsonName(),
                required,
                unique,
                searchable,
                min,
                max,
                maxLength,
                pattern == null ? null : pattern.pattern(),
                type == AttributeType.ENUM ? values : null,
                null);
    }
}
