package org.usermodels.user.account;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.usermodels.platform.domain.UserId;
import org.usermodels.platform.web.FieldProblem;
import org.usermodels.user.attribute.AttributeSchema;
import org.usermodels.user.attribute.AttributeValueStore;
import org.usermodels.user.attribute.AttributeValuesConverter;

/**
 * The users' {@code attributes} column, seen from the attribute definitions: native SQL on {@code jsonb},
 * which row-level security confines to the current tenant just as {@code @TenantId} confines JPQL.
 * ({@code jsonb_exists(a, k)} is the function behind the {@code a ? k} operator, whose question mark JDBC
 * would take for a parameter.)
 */
@Component
class UserAttributeValues implements AttributeValueStore {

    private final EntityManager entityManager;

    UserAttributeValues(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public long countWithout(String name) {
        return ((Number) entityManager
                        .createNativeQuery(
                                "select count(*) from users where deleted_at is null and not jsonb_exists(attributes, :name)")
                        .setParameter("name", name)
                        .getSingleResult())
                .longValue();
    }

    @Override
    public int backfill(String name, String json) {
        return entityManager
                .createNativeQuery("""
                        update users
                        set attributes = attributes || jsonb_build_object(cast(:name as text), cast(:value as jsonb)),
                            version = version + 1
                        where not jsonb_exists(attributes, :name)
                        """)
                .setParameter("name", name)
                .setParameter("value", json)
                .executeUpdate();
    }

    @Override
    public int strip(String name) {
        return entityManager.createNativeQuery("""
                        update users
                        set attributes = attributes - cast(:name as text), version = version + 1
                        where jsonb_exists(attributes, :name)
                        """).setParameter("name", name).executeUpdate();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<StoredValue> valuesOf(String name) {
        List<Object[]> rows =
                entityManager.createNativeQuery("""
                        select id, cast(attributes -> cast(:name as text) as text)
                        from users
                        where deleted_at is null and jsonb_exists(attributes, :name)
                        """).setParameter("name", name).getResultList();
        var values = new ArrayList<StoredValue>(rows.size());
        for (var row : rows) {
            values.add(new StoredValue(UserId.of((UUID) row[0]), AttributeValuesConverter.fromJson((String) row[1])));
        }
        return values;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Object> duplicates(String name) {
        List<String> rows =
                entityManager.createNativeQuery("""
                        select cast(attributes -> cast(:name as text) as text)
                        from users
                        where deleted_at is null and jsonb_exists(attributes, :name)
                        group by attributes -> cast(:name as text)
                        having count(*) > 1
                        limit 5
                        """).setParameter("name", name).getResultList();
        return rows.stream().map(AttributeValuesConverter::fromJson).toList();
    }

    @Override
    public boolean taken(String name, String json, @Nullable UserId except) {
        return (Boolean) entityManager
                .createNativeQuery("""
                        select exists (
                            select 1 from users
                            where deleted_at is null
                              and attributes -> cast(:name as text) = cast(:value as jsonb)
                              and id <> :except)
                        """)
                .setParameter("name", name)
                .setParameter("value", json)
                .setParameter("except", except == null ? new UUID(0, 0) : except.value())
                .getSingleResult();
    }

    /**
     * Which of these values of a unique attribute (as JSON) users of the tenant hold: one statement for a whole
     * batch, the values passed as one JSON array.
     */
    @SuppressWarnings("unchecked")
    Set<String> takenAmong(String name, Collection<String> json) {
        if (json.isEmpty()) {
            return Set.of();
        }
        List<String> held = entityManager
                .createNativeQuery("""
                        select distinct cast(attributes -> cast(:name as text) as text)
                        from users
                        where deleted_at is null
                          and attributes -> cast(:name as text) in (select jsonb_array_elements(cast(:values as jsonb)))
                        """)
                .setParameter("name", name)
                .setParameter("values", "[" + String.join(",", json) + "]")
                .getResultList();
        // normalised as the converter writes them, so that they compare with the batch's values
        var normalised = new HashSet<String>();
        held.forEach(
                value -> normalised.add(AttributeValuesConverter.toJson(AttributeValuesConverter.fromJson(value))));
        return normalised;
    }

    @Override
    public void lockUnique(String name) {
        entityManager
                .createNativeQuery(
                        "select 1 from (select pg_advisory_xact_lock(hashtextextended('attribute:' || current_tenant() || ':' || :name, 0))) l")
                .setParameter("name", name)
                .getSingleResult();
    }

    /** One problem per unique attribute whose value another user of the tenant already holds. */
    List<FieldProblem> uniquenessProblems(AttributeSchema schema, Map<String, Object> values, UserId user) {
        var problems = new ArrayList<FieldProblem>();
        for (var name : schema.uniqueNames()) {
            var value = values.get(name);
            if (value != null && taken(name, AttributeValuesConverter.toJson(value), user)) {
                problems.add(new FieldProblem("attributes." + name, "is already taken by another user"));
            }
        }
        return problems;
    }
}
