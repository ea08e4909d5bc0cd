package org.usermodels.profile.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import jakarta.persistence.EntityManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import org.usermodels.platform.domain.UserId;
import org.usermodels.platform.tenancy.TenantContext;
import org.usermodels.platform.tenancy.TenantRef;
import org.usermodels.platform.testsupport.DocumentedSql;
import org.usermodels.platform.testsupport.SqlRecorder;
import org.usermodels.profile.testing.ProfileServiceApi;
import org.usermodels.profile.testing.ProfileServiceIT;

/**
 * The rule "one primary address per profile" lives in {@link Profile}, which demotes the old primary address
 * as it adds the new one, and meets Hibernate's flush order: the new row's INSERT goes before the old row's
 * UPDATE. Recorded for docs/model-classes.md, the pitfall (a constraint checked at each statement) next to the
 * fix (the same constraint checked at commit).
 */
@ProfileServiceIT
class PrimaryAddressSqlIT {

    @LocalServerPort
    int port;

    @Autowired
    EntityManager entityManager;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    SqlRecorder sql;

    @Test
    void aNewPrimaryAddressInsertsBeforeItDemotesTheOldOneWhichOnlyACheckAtCommitAllows() {
        var api = new ProfileServiceApi(port);
        var tenant = api.createTenant();
        var member = api.createMember(tenant, "user", "Primary");
        var ref = new TenantRef(tenant.id(), tenant.slug());
        inTenant(ref, () -> profile(member.id()).addAddress(primary("Home"), Instant.now()));

        // checked at each statement, as a unique index is: the INSERT meets the old primary address
        var failure = catchThrowable(() -> inTenant(ref, () -> {
            entityManager
                    .createNativeQuery("set constraints addresses_one_primary immediate")
                    .executeUpdate();
            var profile = profile(member.id());
            profile.addAddress(primary("Office"), Instant.now());
            sql.clear();
            entityManager.flush();
            return null;
        }));
        var immediate = sql.statements();

        assertThat(sqlState(failure)).as("an exclusion violation").isEqualTo("23P01");
        assertThat(immediate)
                .singleElement()
                .satisfies(insert -> assertThat(insert).startsWith("insert into addresses"));

        // checked at commit, as the migration declares it: the UPDATE follows, and the commit finds one primary
        var deferred = inTenant(ref, () -> {
            var profile = profile(member.id());
            profile.addAddress(primary("Office"), Instant.now());
            sql.clear();
            entityManager.flush();
            return sql.statements();
        });

        assertThat(deferred).hasSize(2);
        assertThat(deferred.get(0)).startsWith("insert into addresses");
        assertThat(deferred.get(1)).startsWith("update addresses");
        var primaries = inTenant(
                ref,
                () -> profile(member.id()).addresses().stream()
                        .filter(Address::primary)
                        .map(address -> address.details().label())
                        .toList());
        assertThat(primaries).containsExactly("Office");
        DocumentedSql.matches("model-classes.md", "primary-address-immediate", immediate);
        DocumentedSql.matches("model-classes.md", "primary-address-deferred", deferred);
    }

    private Profile profile(UUID userId) {
        return entityManager
                .createQuery("select p from Profile p left join fetch p.addresses where p.userId = :id", Profile.class)
                .setParameter("id", UserId.of(userId))
                .getSingleResult();
    }

    private static Address.Details primary(String label) {
        return new Address.Details(label, "1 Main Street", null, "Basel", "4051", null, "CH", null, true);
    }

    private static String sqlState(Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql.getSQLState();
            }
        }
        return "none";
    }

    private <T> T inTenant(TenantRef tenant, Supplier<T> work) {
        return TenantContext.callAs(tenant, () -> transactions.execute(status -> work.get()));
    }
}
