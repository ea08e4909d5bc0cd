package org.usermodels.profile.profile;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import org.usermodels.platform.tenancy.TenantContext;
import org.usermodels.platform.tenancy.TenantRef;
import org.usermodels.platform.testsupport.DocumentedSql;
import org.usermodels.platform.testsupport.SqlRecorder;
import org.usermodels.profile.testing.ProfileServiceApi;
import org.usermodels.profile.testing.ProfileServiceIT;

/**
 * Aggregation over the profiles' own tables, as docs/aggregation.md shows it: a condition before the grouping
 * against one after it, and the join fan-out that multiplies two counts, wrong and then right.
 */
@ProfileServiceIT
class AggregationSqlIT {

    /** A display name and the counts a query gave it. */
    record Counted(String name, long first, long second) {}

    @LocalServerPort
    int port;

    @Autowired
    Profiles profiles;

    @Autowired
    Skills skills;

    @Autowired
    EntityManager entityManager;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    SqlRecorder sql;

    /** Ada: three addresses, skills at levels 5 and 3. Grace: one address, skills at levels 5, 4 and 2. */
    TenantRef staffWithAddressesAndSkills() {
        var tenant = new ProfileServiceApi(port).createTenant();
        var ref = new TenantRef(tenant.id(), tenant.slug());
        inTenant(ref, () -> {
            var java = skills.save(new Skill("Java"));
            var sql = skills.save(new Skill("SQL"));
            var cobol = skills.save(new Skill("COBOL"));
            var ada = profiles.save(ProfileBuilder.aProfile().named("Ada").staff());
            var grace = profiles.save(ProfileBuilder.aProfile().named("Grace").staff());
            for (var line : List.of("Home 1", "Office 2", "Lab 3")) {
                ada.addAddress(ProfileBuilder.address(line, false), ProfileBuilder.NOW);
            }
            grace.addAddress(ProfileBuilder.address("Navy Yard 1", true), ProfileBuilder.NOW);
            ada.rate(java, 5);
            ada.rate(sql, 3);
            grace.rate(cobol, 5);
            grace.rate(sql, 4);
            grace.rate(java, 2);
            return null;
        });
        return ref;
    }

    @Test
    void aConditionBeforeTheGroupingChoosesTheRowsCountedOneAfterItChoosesTheGroups() {
        var tenant = staffWithAddressesAndSkills();

        var where = sql.record(() -> inTenant(tenant, () -> counted("""
                select r.profile.displayName, count(*), max(r.level)
                from ProfileSkill r
                where r.level >= 4
                group by r.profile.displayName
                order by r.profile.displayName
                """)));
        var having = sql.record(() -> inTenant(tenant, () -> counted("""
                select r.profile.displayName, count(*), max(r.level)
                from ProfileSkill r
                group by r.profile.displayName
                having count(*) >= 3
                order by r.profile.displayName
                """)));

        var criteria = sql.record(() -> inTenant(tenant, () -> {
            var cb = entityManager.getCriteriaBuilder();
            var query = cb.createQuery(Object[].class);
            var rating = query.from(ProfileSkill.class);
            var name = rating.get(ProfileSkill_.profile).get(Profile_.displayName);
            query.multiselect(name, cb.count(rating), cb.max(rating.get(ProfileSkill_.level)))
                    .groupBy(name)
                    .having(cb.ge(cb.count(rating), 3L))
                    .orderBy(cb.asc(name));
            return entityManager.createQuery(query).getResultList().stream()
                    .map(row ->
                            new Counted((String) row[0], ((Number) row[1]).longValue(), ((Number) row[2]).longValue()))
                    .toList();
        }));

        assertThat(criteria.result())
                .as("the same groups from the Criteria API")
                .isEqualTo(having.result());
        assertThat(where.result())
                .as("skills at level 4 or more, per person")
                .containsExactly(new Counted("Ada", 1, 5), new Counted("Grace", 2, 5));
        assertThat(having.result())
                .as("people with three skills or more, all their skills counted")
                .containsExactly(new Counted("Grace", 3, 5));
        DocumentedSql.matches("aggregation.md", "where-before-grouping", selects(where.statements()));
        DocumentedSql.matches("aggregation.md", "having-after-grouping", selects(having.statements()));
        DocumentedSql.matches("aggregation.md", "having-criteria", selects(criteria.statements()));
    }

    @Test
    void twoToManyJoinsMultiplyEachOthersCountsWhereSubqueriesCountEachOnItsOwn() {
        var tenant = staffWithAddressesAndSkills();

        var joined = sql.record(() -> inTenant(tenant, () -> counted("""
                select s.displayName, count(a), count(r)
                from StaffProfile s
                left join s.addresses a
                left join ProfileSkill r on r.profile = s
                group by s.displayName
                order by s.displayName
                """)));
        var subqueries = sql.record(() -> inTenant(tenant, () -> counted("""
                select s.displayName,
                       (select count(*) from Address a where a.profile = s),
                       (select count(*) from ProfileSkill r where r.profile = s)
                from StaffProfile s
                order by s.displayName
                """)));

        assertThat(joined.result())
                .as("every address paired with every skill: both counts multiplied")
                .containsExactly(new Counted("Ada", 6, 6), new Counted("Grace", 3, 3));
        assertThat(subqueries.result())
                .as("each counted on its own")
                .containsExactly(new Counted("Ada", 3, 2), new Counted("Grace", 1, 3));
        DocumentedSql.matches("aggregation.md", "fan-out", selects(joined.statements()));
        DocumentedSql.matches("aggregation.md", "subqueries-in-select", selects(subqueries.statements()));
    }

    private List<Counted> counted(String hql) {
        return entityManager.createQuery(hql, Object[].class).getResultList().stream()
                .map(row -> new Counted((String) row[0], ((Number) row[1]).longValue(), ((Number) row[2]).longValue()))
                .toList();
    }

    private static List<String> selects(List<String> statements) {
        return statements.stream()
                .filter(statement -> statement.startsWith("select"))
                .toList();
    }

    private <T> T inTenant(TenantRef tenant, Supplier<T> work) {
        return TenantContext.callAs(tenant, () -> transactions.execute(status -> work.get()));
    }
}
