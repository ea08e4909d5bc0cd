package org.usermodels.profile.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.usermodels.platform.domain.UserId;
import org.usermodels.platform.tenancy.TenantContext;
import org.usermodels.platform.tenancy.TenantRef;
import org.usermodels.platform.testsupport.FreshDatabase;
import org.usermodels.profile.tenancy.TenantSchemas;

/**
 * The repository alone, on a real PostgreSQL with a schema per tenant: the JPA slice with the tenancy feature's
 * connection provider, which points each session at the bound tenant's schema, and Flyway migrating the schemas
 * as the service does; no web layer, no Keycloak, no events. Each test binds a tenant and runs its own
 * transactions, as the service does.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@FreshDatabase("profiles")
@Import(ProfilesRepositoryTest.SchemaPerTenant.class)
class ProfilesRepositoryTest {

    /** The schemas and the session's schema, as the service wires them; the web parts of tenancy left out. */
    @TestConfiguration(proxyBeanMethods = false)
    @ComponentScan(
            basePackages = "org.usermodels.profile.tenancy",
            excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*(Guard|Controller|Endpoint)"))
    static class SchemaPerTenant {}

    @Autowired
    Profiles profiles;

    @Autowired
    TenantSchemas schemas;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void theManagementChainIsWalkedUpwardsWhateverItsLength() {
        var initech = tenant("initech");
        var dom = ProfileBuilder.aProfile().named("Dom").staff();
        var michael = ProfileBuilder.aProfile().named("Michael").staff();
        var peter = ProfileBuilder.aProfile().named("Peter").staff();
        inTenant(initech, () -> {
            profiles.save(dom);
            profiles.save(michael);
            profiles.save(peter);
            michael.reportTo(dom);
            peter.reportTo(michael);
            return profiles.save(peter);
        });

        assertThat(inTenant(initech, () -> profiles.inManagementChain(dom.userId(), peter.userId())))
                .as("dom is above peter: making peter dom's manager closes a cycle")
                .isTrue();
        assertThat(inTenant(initech, () -> profiles.inManagementChain(peter.userId(), dom.userId())))
                .as("peter is not above dom")
                .isFalse();
        assertThat(inTenant(initech, () -> profiles.inManagementChain(peter.userId(), peter.userId())))
                .as("oneself")
                .isTrue();
    }

    @Test
    void aBasicProfileIsCreatedOnceAndOnlyInTheBoundTenantsSchema() {
        var acme = tenant("acme");
        var globex = tenant("globex");
        var ada = UserId.of(UUID.randomUUID());

        var first = inTenant(acme, () -> profiles.createBasicIfAbsent(ada, "Ada"));
        var again = inTenant(acme, () -> profiles.createBasicIfAbsent(ada, "Ada Lovelace"));

        assertThat(first).isOne();
        assertThat(again).as("the second first call").isZero();
        assertThat(inTenant(acme, () -> profiles.findById(ada).orElseThrow().displayName()))
                .isEqualTo("Ada");
        assertThat(inTenant(globex, () -> profiles.findById(ada))).isEmpty();
    }

    private TenantRef tenant(String name) {
        var tenant = new TenantRef(
                UUID.randomUUID(), name + "-" + UUID.randomUUID().toString().substring(0, 8));
        schemas.provision(tenant);
        return tenant;
    }

    private <T> T inTenant(TenantRef tenant, Supplier<T> work) {
        return TenantContext.callAs(tenant, () -> transactions.execute(status -> work.get()));
    }
}
