package org.usermodels.user.attribute;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.usermodels.platform.web.FieldProblem;
import org.usermodels.platform.web.InvalidRequest;

/**
 * The current tenant's custom attributes. Redefining them is the custom model's schema migration, done in
 * one transaction: values of removed attributes are dropped, an attribute that becomes required is
 * back-filled with its default (like adding a NOT NULL column with a default), and a tighter definition is
 * refused while existing values break it.
 */
@Service
public class TenantAttributes {

    private final AttributeDefinitions definitions;
    private final AttributeValueStore values;

    TenantAttributes(AttributeDefinitions definitions, AttributeValueStore values) {
        this.definitions = definitions;
        this.values = values;
    }

    /** The rules users' attributes must satisfy now. */
    @Transactional(readOnly = true)
    public AttributeSchema schema() {
        return new AttributeSchema(definitions.findAllByOrderByPositionAsc().stream()
                .map(AttributeDefinition::rule)
                .toList());
    }

    @Transactional(readOnly = true)
    public List<AttributeSpec> specs() {
        return schema().rules().stream().map(AttributeRule::toSpec).toList();
    }

    /**
     * Replaces the tenant's definitions.
     *
     * @throws InvalidRequest (400) for inconsistent definitions, or a newly required attribute without a
     *     default while users lack it
     * @throws AttributeConflict (409) when existing values break a tightened definition
     */
    @Transactional
    public List<AttributeSpec> replace(List<AttributeSpec> specs) {
        var rules = AttributeSchema.define(specs);
        definitions.lock();
        var previous = schema().rules().stream().collect(Collectors.toMap(AttributeRule::name, Function.identity()));
        var problems = new ArrayList<FieldProblem>();
        var conflicts = new ArrayList<String>();
        var backfills = new LinkedHashMap<String, Object>();
        for (var index = 0; index < rules.size(); index++) {
            var rule = rules.get(index);
            var spec = specs.get(index);
            var before = previous.get(rule.name());
            if (rule.required() && (before == null || !before.required())) {
                var missing = values.countWithout(rule.name());
                var fallback = AttributeSchema.defaultOf(rule, spec);
                if (missing > 0 && fallback == null) {
                    problems.add(new FieldProblem(
                            "[%d].default".formatted(index),
                            "is needed: %d user(s) have no value for this newly required attribute"
                                    .formatted(missing)));
                } else if (missing > 1 && rule.unique()) {
                    problems.add(new FieldProblem(
                            "[%d].default".formatted(index),
                            "cannot fill %d users with one value of a unique attribute".formatted(missing)));
                } else if (missing > 0) {
                    backfills.put(rule.name(), fallback);
                }
            }
            if (before != null && rule.mayRejectValuesAcceptedBy(before)) {
                for (var stored : values.valuesOf(rule.name())) {
                    try {
                        rule.check(stored.value());
                    } catch (IllegalArgumentException | ArithmeticException e) {
                        conflicts.add("user %s: %s %s".formatted(stored.userId(), rule.name(), e.getMessage()));
                    }
                }
                if (rule.unique() && !before.unique()) {
                    values.duplicates(rule.name())
                            .forEach(duplicate -> conflicts.add(
                                    "several users share the value %s of %s".formatted(duplicate, rule.name())));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw InvalidRequest.of(problems);
        }
        if (!conflicts.isEmpty()) {
            throw new AttributeConflict(conflicts);
        }
        previous.keySet().stream()
                .filter(name -> rules.stream().noneMatch(rule -> rule.name().equals(name)))
                .forEach(values::strip);
        definitions.deleteAllOfTenant();
        for (var index = 0; index < rules.size(); index++) {
            definitions.save(new AttributeDefinition(rules.get(index), index));
        }
        backfills.forEach((name, value) -> values.backfill(name, AttributeValuesConverter.toJson(value)));
        return rules.stream().map(AttributeRule::toSpec).toList();
    }
}
