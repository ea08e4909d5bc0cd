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
 *   <li>{@code user_search_text(username, email, first, last)}: the accent- and case-folded text that the
 *       trigram index {@code users_search} indexes, spelled exactly like the index so that PostgreSQL uses it;
 *   <li>{@code fold(text)}: the same folding for a search term;
 *   <li>{@code fuzzy_word_match(term, text)}: pg_trgm's {@code <%} (some word of the text is similar to the
 *       term), which the trigram index serves;
 *   <li>{@code jsonb_contains(document, json)}: {@code @>}, which the attributes' GIN index serves;
 *   <li>{@code month_of(timestamp)}: {@code date_trunc('month', …)}.
 * </ul>
 */
public final class SearchFunctions implements FunctionContributor {

    @Override
    public void contributeFunctions(FunctionContributions contributions) {
        var registry = contributions.getFunctionRegistry();
        var types = contributions.getTypeConfiguration().getBasicTypeRegistry();
        var string = types.resolve(StandardBasicTypes.STRING);
        var bool = types.resolve(StandardBasicTypes.BOOLEAN);
        registry.patternDescriptorBuilder(
                        "user_search_text",
                        "f_unaccent(lower(?1 || ' ' || coalesce(?2, '') || ' ' || coalesce(?3, '') || ' ' || coalesce(?4, '')))")
                .setExactArgumentCount(4)
                .setInvariantType(string)
                .register();
        registry.patternDescriptorBuilder("fold", "f_unaccent(lower(?1))")
                .setExactArgumentCount(1)
                .setInvariantType(string)
                .register();
        registry.patternDescriptorBuilder("fuzzy_word_match", "(?1 <% ?2)")
                .setExactArgumentCount(2)
                .setInvariantType(bool)
                .register();
        registry.patternDescriptorBuilder("jsonb_contains", "(?1 @> cast(?2 as jsonb))")
                .setExactArgumentCount(2)
                .setInvariantType(bool)
                .register();
        registry.patternDescriptorBuilder("month_of", "date_trunc('month', ?1)")
                .setExactArgumentCount(1)
                .setInvariantType(types.resolve(StandardBasicTypes.INSTANT))
                .register();
    }
}
