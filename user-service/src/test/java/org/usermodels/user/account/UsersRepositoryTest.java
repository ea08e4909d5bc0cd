package org.usermodels.user.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.usermodels.platform.domain.UserId;
import org.usermodels.platform.tenancy.TenantContext;
import org.usermodels.platform.tenancy.TenantRef;
import org.usermodels.platform.testsupport.FreshDatabase;

/**
 * The repository alone, on a real PostgreSQL migrated by Flyway and reached as the application's role (row-level
 * security on): the JPA slice, without the web layer, Keycloak or the rest of the service. Each test binds a
 * tenant and runs its own transactions, as the service does, so the tests are not wrapped in one.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@FreshDatabase("users")
@Import(UsersRepositoryTest.SharedSchema.class)
class UsersRepositoryTest {

    /** The tenant in Hibernate and in each transaction, as the service wires it. */
    @TestConfiguration(proxyBeanMethods = false)
    @ComponentScan("org.usermodels.user.sharedschema")
    static class SharedSchema {}

    @Autowired
    Users users;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anEmailIsTakenCaseBlindByAnotherUserOfTheTenantOnly() {
        var acme = tenant("acme");
        var globex = tenant("globex");
        var ada = UserId.of(UUID.randomUUID());
        var bob = UserId.of(UUID.randomUUID());
        inTenant(acme, () -> users.enrollIfAbsent(ada, "ada", "ada@example.com", "Ada", "Lovelace"));
        inTenant(acme, () -> users.enrollIfAbsent(bob, "bob", "bob@example.com", "Bob", "Builder"));

        assertThat(inTenant(acme, () -> users.emailTaken(new EmailAddress("ADA@example.com"), bob)))
                .isTrue();
        assertThat(inTenant(acme, () -> users.emailTaken(new EmailAddress("ada@example.com"), ada)))
                .as("the user's own address")
                .isFalse();
        assertThat(inTenant(
                        globex,
                        () -> users.emailTaken(new EmailAddress("ada@example.com"), UserId.of(UUID.randomUUID()))))
                .as("another tenant's user")
                .isFalse();
        assertThat(inTenant(globex, () -> users.findById(ada))).isEmpty();
    }

    @Test
    void aLastCallNeverMovesBack() {
        var acme = tenant("acme");
        var ada = UserId.of(UUID.randomUUID());
        inTenant(acme, () -> users.enrollIfAbsent(ada, "ada", "ada@example.com", "Ada", "Lovelace"));
        var later = Instant.now().truncatedTo(ChronoUnit.MICROS);
        var earlier = later.minusSeconds(60);

        var first = inTenant(acme, () -> users.recordCalls(ids(ada), times(later)));
        var second = inTenant(acme, () -> users.recordCalls(ids(ada), times(earlier)));

        assertThat(first).isOne();
        assertThat(second).as("an older note").isZero();
        assertThat(inTenant(acme, () -> users.findById(ada).orElseThrow().lastLogin()))
                .isEqualTo(later);
    }

    private TenantRef tenant(String name) {
        var id = UUID.randomUUID();
        var slug = name + "-" + id.toString().substring(0, 8);
        jdbc.update("insert into tenants (id, slug, display_name) values (?, ?, ?)", id, slug, name);
        return new TenantRef(id, slug);
    }

    private <T> T inTenant(TenantRef tenant, Supplier<T> work) {
        return TenantContext.callAs(tenant, () -> transactions.execute(status -> work.get()));
    }

    private static String[] ids(UserId id) {
        return new String[] {id.toString()};
    }

    private static String[] times(Instant time) {
        return new String[] {time.toString()};
    }
}
