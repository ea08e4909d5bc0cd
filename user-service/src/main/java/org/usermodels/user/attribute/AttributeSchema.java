package org.usermodels.user.attribute;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;
import org.usermodels.platform.web.FieldProblem;
import org.usermodels.platform.web.InvalidRequest;

/**
 * A tenant's custom attributes: the rules its users' {@code attributes} must satisfy. Immutable; the
 * current one comes from {@link TenantAttributes#schema()}.
 */
public final class AttributeSchema {

    static final int MAX_ATTRIBUTES = 50;
    /** The most values an enum attribute may have. */
    static final int MAX_VALUES = 200;
    /** The longest value a string attribute may be given room for. */
    static final int MAX_STRING_LENGTH = 10_000;
    /** The longest pattern (the column that stores it). */
    static final int MAX_PATTERN_LENGTH = 500;

    private static final Pattern NAME = Pattern.compile("[a-z][a-zA-Z0-9_]{0,39}");

    private final Map<String, AttributeRule> rules;

    AttributeSchema(List<AttributeRule> rules) {
        var byName = new LinkedHashMap<String, AttributeRule>();
        rules.forEach(rule -> byName.put(rule.name(), rule));
        this.rules = Collections.unmodifiableMap(byName);
    }

    public static AttributeSchema empty() {
        return new AttributeSchema(List.of());
    }

    public List<AttributeRule> rules() {
        return List.copyOf(rules.values());
    }

    public Optional<AttributeRule> rule(String name) {
        return Optional.ofNullable(rules.get(name));
    }

    /** Names of the attributes users may be filtered by. */
    public List<String> searchableNames() {
        return rules.values().stream()
                .filter(AttributeRule::searchable)
                .map(AttributeRule::name)
                .toList();
    }

    /**
     * The JSON object a user's attributes must contain to match the filter {@code attr.<name>=<text>}.
     *
     * @throws IllegalArgumentException with a message for the client when the attribute is not searchable or
     *     the text is not a valid value of it
     */
    public String filterDocument(String name, String text) {
        var rule = rules.get(name);
        if (rule == null || !rule.searchable()) {
            throw new IllegalArgumentException("is not a searchable attribute; searchable: " + searchableNames());
        }
        try {
            return AttributeValuesConverter.toJson(
                    Map.of(name, rule.check(rule.type().fromText(text))));
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("must be a whole number");
        }
    }

    /**
     * A value of an attribute written as text, as a CSV file carries it: a number, a boolean or the text
     * itself, as the attribute's type reads it. Text the type cannot read stays text, for {@link #check} to
     * refuse with the attribute's own message.
     */
    public Object valueFromText(String name, String text) {
        var rule = rules.get(name);
        if (rule == null) {
            return text;
        }
        try {
            return rule.type().fromText(text);
        } catch (IllegalArgumentException unreadable) {
            return text;
        }
    }

    /** The names of all the tenant's attributes, in their defined order. */
    public List<String> names() {
        return List.copyOf(rules.keySet());
    }

    /** Names of the attributes whose values must be unique in the tenant. */
    public List<String> uniqueNames() {
        return rules.values().stream()
                .filter(AttributeRule::unique)
                .map(AttributeRule::name)
                .toList();
    }

    /**
     * The outcome of checking a user's attributes.
     *
     * @param values the values, normalised (phone numbers in E.164, dates in ISO-8601)
     * @param problems one entry per invalid attribute, named {@code attributes.<name>}
     */
    public record Checked(Map<String, Object> values, List<FieldProblem> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    /**
     * Checks a user's whole set of attributes: every value against its rule, every required attribute
     * present, no attribute the tenant has not defined. Uniqueness needs the database: see
     * {@link AttributeValueStore#taken}.
     */
    public Checked check(Map<String, ?> attributes) {
        var values = new LinkedHashMap<String, Object>();
        var problems = new ArrayList<FieldProblem>();
        attributes.forEach((name, value) -> {
            var rule = rules.get(name);
            if (rule == null) {
                problems.add(new FieldProblem("attributes." + name, "is not an attribute of this tenant"));
            } else if (value != null) {
                try {
                    values.put(name, rule.check(value));
                } catch (IllegalArgumentException | ArithmeticException e) {
                    problems.add(FieldProblem.of("attributes." + name, e.getMessage()));
                }
            }
        });
        rules.values().stream()
                .filter(rule -> rule.required() && attributes.get(rule.name()) == null)
                .forEach(rule -> problems.add(new FieldProblem("attributes." + rule.name(), "is required")));
        return new Checked(values, problems);
    }

    /**
     * Checks a client's definitions and turns them into rules.
     *
     * @throws InvalidRequest with one entry per inconsistent field, named {@code [<index>].<field>}
     */
    static List<AttributeRule> define(List<AttributeSpec> specs) {
        var problems = new ArrayList<FieldProblem>();
        if (specs.size() > MAX_ATTRIBUTES) {
            throw InvalidRequest.field(
                    "attributes", "a tenant may define at most %d attributes".formatted(MAX_ATTRIBUTES));
        }
        var rules = new ArrayList<AttributeRule>();
        var names = new HashSet<String>();
        for (var index = 0; index < specs.size(); index++) {
            var spec = specs.get(index);
            var at = "[%d].".formatted(index);
            var before = problems.size();
            if (spec.name() == null || !NAME.matcher(spec.name()).matches()) {
                problems.add(new FieldProblem(
                        at + "name",
                        "must start with a lower-case letter and hold at most 40 letters, digits and underscores"));
            } else if (!names.add(spec.name())) {
                problems.add(new FieldProblem(at + "name", "is defined twice"));
            }
            var type = spec.type() == null ? Optional.<AttributeType>empty() : AttributeType.fromJsonName(spec.type());
            if (type.isEmpty()) {
                problems.add(new FieldProblem(
                        at + "type", "must be one of string, integer, decimal, boolean, date, enum, email, phone"));
                continue;
            }
            var kind = type.get();
            if ((spec.min() != null || spec.max() != null) && !kind.isNumeric()) {
                problems.add(new FieldProblem(at + "min", "applies to integer and decimal attributes only"));
            }
            if (kind == AttributeType.INTEGER) {
                for (var bound : new java.math.BigDecimal[] {spec.min(), spec.max()}) {
                    if (bound != null && bound.stripTrailingZeros().scale() > 0) {
                        problems.add(new FieldProblem(at + "min", "bounds of an integer attribute are whole numbers"));
                    }
                }
            }
            if (spec.min() != null && spec.max() != null && spec.min().compareTo(spec.max()) > 0) {
                problems.add(new FieldProblem(at + "max", "must not be smaller than min"));
            }
            if ((spec.maxLength() != null || spec.pattern() != null) && kind != AttributeType.STRING) {
                problems.add(
                        new FieldProblem(at + "maxLength", "maxLength and pattern apply to string attributes only"));
            }
            if (spec.maxLength() != null && (spec.maxLength() < 1 || spec.maxLength() > MAX_STRING_LENGTH)) {
                problems.add(new FieldProblem(at + "maxLength", "must be between 1 and " + MAX_STRING_LENGTH));
            }
            Pattern pattern = null;
            if (spec.pattern() != null && spec.pattern().length() > MAX_PATTERN_LENGTH) {
                problems.add(new FieldProblem(at + "pattern", "must be at most " + MAX_PATTERN_LENGTH + " characters"));
            } else if (spec.pattern() != null) {
                try {
                    pattern = Pattern.compile(spec.pattern());
                } catch (PatternSyntaxException e) {
                    problems.add(new FieldProblem(at + "pattern", "is not a valid regular expression"));
                }
            }
            List<String> values = spec.values() == null ? List.of() : spec.values();
            if (kind == AttributeType.ENUM) {
                if (values.isEmpty()) {
                    problems.add(new FieldProblem(at + "values", "an enum attribute needs its values"));
                } else if (values.size() > MAX_VALUES) {
                    problems.add(new FieldProblem(at + "values", "may hold at most " + MAX_VALUES + " values"));
                } else if (new HashSet<>(values).size() != values.size()
                        || values.stream()
                                .anyMatch(value -> value == null || value.isBlank() || value.length() > 100)) {
                    problems.add(
                            new FieldProblem(at + "values", "must be distinct, non-blank and at most 100 characters"));
                }
            } else if (!values.isEmpty()) {
                problems.add(new FieldProblem(at + "values", "applies to enum attributes only"));
            }
            if (spec.unique() && kind == AttributeType.BOOLEAN) {
                problems.add(new FieldProblem(at + "unique", "a boolean attribute cannot be unique"));
            }
            if (problems.size() > before) {
                continue;
            }
            var rule = new AttributeRule(
                    Objects.requireNonNull(spec.name(), "refused above when missing"),
                    kind,
                    spec.required(),
                    spec.unique(),
                    spec.searchable(),
                    spec.min(),
                    spec.max(),
                    spec.maxLength(),
                    pattern,
                    values);
            if (spec.defaultValue() != null) {
                try {
                    rule.check(spec.defaultValue());
                } catch (IllegalArgumentException | ArithmeticException e) {
                    problems.add(FieldProblem.of(at + "default", e.getMessage()));
                }
            }
            rules.add(rule);
        }
        if (!problems.isEmpty()) {
            throw InvalidRequest.of(problems);
        }
        return rules;
    }

    /** The normalised default of a spec, {@code null} when it has none. */
    static @Nullable Object defaultOf(AttributeRule rule, AttributeSpec spec) {
        return spec.defaultValue() == null ? null : rule.check(spec.defaultValue());
    }
}
