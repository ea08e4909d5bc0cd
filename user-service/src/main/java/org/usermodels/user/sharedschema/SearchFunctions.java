package org.usermodels.user.sharedschema;

import org.hibernate.boot.model.FunctionContributions;
import org.hibernate.boot.model.FunctionContributor;
import org.hibernate.type.StandardBasicTypes;

/**
 * PostgreSQL features the query layer uses, wrapped as HQL functions so that Criteria queries and
 * Specifications can call them with the types Hibernate needs (docs/users.md, "the SQL expression API").
 * Registered through {@code META-INF/services/org.hibernate.boot.model.FunctionContributor}.
 *
 * <ul>
 *   <li>{@code matches_search(id, pattern, term)}: the user is among those whose names, username or email
 *       contain the pattern, or have a word similar to the term (pg_trgm's {@code <%}), accent- and
 *       case-insensitively. The matches come from {@code users_matching}, a function of migration V5 that reads
 *       the trigram index {@code users_search} past row-level security, which would keep PostgreSQL from using
 *       that index (its operators are not leakproof: docs/performance.md, "Row-level security and indexes").
 *       {@code = any(array(…))} rather than {@code in (select …)}: the users are then looked up by their key,
 *       however many the tenant has, where a semi-join may read them all;
 *   <li>{@code has_attributes(id, json)}: the user's attributes contain the JSON object, from
 *       {@code users_with_attributes}, which reads the GIN index {@code users_attributes} the same way;
 *   <li>{@code month_of(timestamp)}: {@code date_trunc('month', …)}.
 * </ul>
 */
public final class SearchFunctions implements FunctionContributor {

    @Override
    public void contributeFunctions(FunctionContributions contributions) {
        var registry = contributions.getFunctionRegistry();
        var types = contributions.getTypeConfiguration().getBasicTypeRegistry();
        var bool = types.resolve(StandardBasicTypes.BOOLEAN);
        registry.patternDescriptorBuilder("matches_search", "(?1 = any(array(select users_matching(?2, ?3))))")
                .setExactArgumentCount(3)
                .setInvariantType(bool)
                .register();
        registry.patternDescriptorBuilder(
                        "has_attributes", "(?1 = any(array(select users_with_attributes(cast(?2 as jsonb)))))")
                .setExactArgumentCount(2)
                .setInvariantType(bool)
                .register();
        registry.patternDescriptorBuilder("month_of", "date_trunc('month', ?1)")
                .setExactArgumentCount(1)
                .setInvariantType(types.resolve(StandardBasicTypes.INSTANT))
                .register();
    }
}
