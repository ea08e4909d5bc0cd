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

/** The SQL of SINGLE_TABLE inheritance, recorded for docs/single-table-vs-joined.md. */
@ProfileServiceIT
class SingleTableSqlIT {

    @LocalServerPort
    int port;

    @Autowired
    EntityManager entityManager;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    SqlRecorder sql;

    @Test
    void recordsThePolymorphicAndTheSubclassSql() {
        var api = new ProfileServiceApi(port);
        var tenant = api.createTenant();
        for (var type : List.of("user", "customer", "staff", "partner")) {
            api.createMember(tenant, type, "Kind");
        }
        var ref = new TenantRef(tenant.id(), tenant.slug());

        var everyone = sql.record(() -> inTenant(
                ref,
                () -> entityManager
                        .createQuery("select p from Profile p where p.displayName = :name", Profile.class)
                        .setParameter("name", "Kind Tester")
                        .getResultList()));
        var staff = sql.record(() -> inTenant(
                ref,
                () -> entityManager
                        .createQuery("select s from StaffProfile s where s.department is null", StaffProfile.class)
                        .getResultList()));
        var polymorphic = everyone.statements();
        var subclass = staff.statements();

        assertThat(everyone.result()).extracting(Profile::kind).containsExactlyInAnyOrder(ProfileKind.values());
        assertThat(staff.result()).hasSize(1);
        assertThat(polymorphic)
                .singleElement()
                .satisfies(query -> assertThat(query).doesNotContain("join"));
        assertThat(subclass)
                .singleElement()
                .satisfies(query -> assertThat(query).contains("kind='staff'"));
        DocumentedSql.matches("single-table-vs-joined.md", "single-table-polymorphic", polymorphic);
        DocumentedSql.matches("single-table-vs-joined.md", "single-table-subclass", subclass);
    }

    private <T> T inTenant(TenantRef tenant, Supplier<T> query) {
        return TenantContext.callAs(tenant, () -> transactions.execute(status -> query.get()));
    }
}
