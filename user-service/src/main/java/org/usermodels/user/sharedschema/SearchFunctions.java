package org.usermodels.user.sharedschema;

import java.util.List;
import java.util.Objects;
import org.hibernate.boot.model.FunctionContributions;
import org.hibernate.boot.model.FunctionContributor;
import org.hibernate.metamodel.model.domain.ReturnableType;
import org.hibernate.query.sqm.function.AbstractSqmSelfRenderingFunctionDescriptor;
import org.hibernate.query.sqm.produce.function.StandardArgumentsValidators;
import org.hibernate.query.sqm.produce.function.StandardFunctionArgumentTypeResolvers;
import org.hibernate.query.sqm.produce.function.StandardFunctionReturnTypeResolvers;
import org.hibernate.sql.ast.SqlAstNodeRenderingMode;
import org.hibernate.sql.ast.SqlAstTranslator;
import org.hibernate.sql.ast.spi.SqlAppender;
import org.hibernate.sql.ast.tree.SqlAstNode;
import org.hibernate.sql.ast.tree.expression.Expression;
import org.hibernate.type.BasicType;
import org.hibernate.type.StandardBasicTypes;

/**
 * PostgreSQL features the query layer uses, wrapped as HQL functions so that Criteria queries and
 * Specifications (and HQL) can call them with the types Hibernate needs (docs/sql-expression-api.md).
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
 *       {@code users_with_attributes}, which reads the GIN index {@code users_attributes} the same way.
 * </ul>
 */
public final class SearchFunctions implements FunctionContributor {

    @Override
    public void contributeFunctions(FunctionContributions contributions) {
        var registry = contributions.getFunctionRegistry();
        var types = contributions.getTypeConfiguration().getBasicTypeRegistry();
        var bool = Objects.requireNonNull(types.resolve(StandardBasicTypes.BOOLEAN), "Hibernate's boolean type");
        registry.patternDescriptorBuilder("matches_search", "(?1 = any(array(select users_matching(?2, ?3))))")
                .setExactArgumentCount(3)
                .setInvariantType(bool)
                .register();
        registry.register("search_text_matches", new SearchTextMatches(bool));
        registry.patternDescriptorBuilder(
                        "has_attributes", "(?1 = any(array(select users_with_attributes(cast(?2 as jsonb)))))")
                .setExactArgumentCount(2)
                .setInvariantType(bool)
                .register();
    }

    /**
     * {@code search_text_matches(id, pattern, term)}, rendered on the row the id belongs to. {@code search_text}
     * is a generated column the entity does not map (mapped, every read of a user would carry it), so the
     * function finds the row's alias on the id's column and names the column itself; a pattern template cannot,
     * as it only places its arguments.
     */
    static final class SearchTextMatches extends AbstractSqmSelfRenderingFunctionDescriptor {

        SearchTextMatches(BasicType<Boolean> bool) {
            super(
                    "search_text_matches",
                    StandardArgumentsValidators.exactly(3),
                    StandardFunctionReturnTypeResolvers.invariant(bool),
                    StandardFunctionArgumentTypeResolvers.NULL);
        }

        @Override
        public void render(
                SqlAppender sql,
                List<? extends SqlAstNode> arguments,
                ReturnableType<?> returnType,
                SqlAstTranslator<?> translator) {
            // the id arrives as a path (BasicValuedPathInterpretation) whose one column names the row's alias
            var id = arguments.getFirst() instanceof Expression path ? path.getColumnReference() : null;
            if (id == null || id.getQualifier() == null) {
                throw new IllegalArgumentException("search_text_matches takes a user's id as its first argument");
            }
            var searchText = id.getQualifier() + ".search_text";
            sql.append("(");
            sql.append(searchText);
            sql.append(" like f_unaccent(lower(");
            translator.render(arguments.get(1), SqlAstNodeRenderingMode.DEFAULT);
            sql.append(")) escape '\\' or f_unaccent(lower(");
            translator.render(arguments.get(2), SqlAstNodeRenderingMode.DEFAULT);
            sql.append(")) <% ");
            sql.append(searchText);
            sql.append(")");
        }
    }
}
