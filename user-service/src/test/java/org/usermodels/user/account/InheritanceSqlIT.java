package org.usermodels.user.account;

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
import org.usermodels.user.testing.UserServiceApi;
import org.usermodels.user.testing.UserServiceIT;

/**
 * The SQL of JOINED inheritance, recorded for docs/inheritance.md: what a polymorphic query over every user
 * costs, what a query for one subclass costs, and what creating a subclass instance writes.
 */
@UserServiceIT
class InheritanceSqlIT {

    @LocalServerPort
    int port;

    @Autowired
    EntityManager entityManager;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    SqlRecorder sql;

    @Test
    void recordsThePolymorphicTheSubclassAndTheInsertSql() {
        var api = new UserServiceApi(port);
        var tenant = api.createTenant(UserServiceApi.allTypes().toArray(String[]::new));
        UserServiceApi.detailsOfEachType().forEach((type, details) -> api.createUser(tenant, type, details));
        var ref = new TenantRef(tenant.id(), tenant.slug());

        var everyone = sql.record(() -> inTenant(
                ref,
                () -> entityManager
                        .createQuery("select u from User u where u.lastName = :name", User.class)
                        .setParameter("name", "User")
                        .getResultList()));
        var staff = sql.record(() -> inTenant(
                ref,
                () -> entityManager
                        .createQuery("select s from StaffMember s where s.department = :department", StaffMember.class)
                        .setParameter("department", "Research")
                        .getResultList()));
        var polymorphic = withoutSetConfig(everyone.statements());
        var subclass = withoutSetConfig(staff.statements());

        sql.clear();
        api.createUser(tenant, "staff", UserServiceApi.detailsOfEachType().get("staff"));
        var inserts = sql.statements().stream()
                .filter(statement ->
                        statement.startsWith("insert into users") || statement.startsWith("insert into staff_members"))
                .toList();

        assertThat(everyone.result())
                .extracting(User::type)
                .contains(UserType.USER, UserType.CUSTOMER, UserType.STAFF, UserType.PARTNER);
        assertThat(polymorphic)
                .singleElement()
                .satisfies(query -> assertThat(query)
                        .contains("left join customers", "left join staff_members", "left join partner_contacts"));
        assertThat(staff.result()).hasSize(1);
        assertThat(subclass)
                .singleElement()
                .satisfies(query -> assertThat(query).contains("join users").doesNotContain("customers"));
        assertThat(inserts).hasSize(2);
        DocumentedSql.matches("inheritance.md", "polymorphic", polymorphic);
        DocumentedSql.matches("inheritance.md", "subclass", subclass);
        DocumentedSql.matches("inheritance.md", "insert", inserts);
        DocumentedSql.matches("single-table-vs-joined.md", "joined-polymorphic", polymorphic);
        DocumentedSql.matches("single-table-vs-joined.md", "joined-subclass", subclass);
    }

    private <T> T inTenant(TenantRef tenant, Supplier<T> query) {
        return TenantContext.callAs(tenant, () -> transactions.execute(status -> query.get()));
    }

    private static List<String> withoutSetConfig(List<String> statements) {
        return statements.stream()
                .filter(statement -> !statement.contains("set_config"))
                .toList();
    }
}
