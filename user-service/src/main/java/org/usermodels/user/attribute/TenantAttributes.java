package org.usermodels.user.attribute;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.usermodels.platform.tenancy.TenantContext;
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
    private final Clock clock;
    private final Duration timeToLive;
    private final Map<UUID, Cached> forFilters = new ConcurrentHashMap<>();

    TenantAttributes(
            AttributeDefinitions definitions,
            AttributeValueStore values,
            Clock clock,
            @Value("${usermodels.tenants.cache-time-to-live:5s}") Duration timeToLive) {
        this.definitions = definitions;
        this.values = values;
        this.clock = clock;
        this.timeToLive = timeToLive;
    }

    private record Cached(AttributeSchema schema, Instant until) {}

    /**
     * The rules as a search reads them, to turn {@code attr.<name>} filters into typed documents: kept in memory
     * for a few seconds per tenant ({@code usermodels.tenants.cache-time-to-live}, as what the service knows of a
     * tenant), so that a page filtered by attributes costs no statement for them. Redefining the attributes on
     * this instance is seen at once, on another within that time. Writes never use it: they validate against
     * {@link #schema()}, read in their own transaction, so no user is ever written under rules already replaced.
     */
    public AttributeSchema schemaForFilters(UUID tenant) {
        var now = clock.instant();
        var cached = forFilters.get(tenant);
        if (cached != null && cached.until().isAfter(now)) {
            return cached.schema();
        }
        var schema = schema();
        forFilters.put(tenant, new Cached(schema, now.plus(timeToLive)));
        return schema;
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
        // once the new rules are committed, this instance's searches read them at once
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                forFilters.clear();
            }
        });
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
            definitions.save(new AttributeDefinition(TenantContext.require().tenantId(), rules.get(index), index));
        }
        backfills.forEach((name, value) -> values.backfill(name, AttributeValuesConverter.toJson(value)));
        return rules.stream().map(AttributeRule::toSpec).toList();
    }
}
