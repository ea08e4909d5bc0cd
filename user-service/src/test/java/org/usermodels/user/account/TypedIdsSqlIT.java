package org.usermodels.user.account;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.usermodels.user.access.GroupAdministration;
import org.usermodels.user.testing.UserServiceApi;
import org.usermodels.user.testing.UserServiceIT;

/**
 * Typed ids change no statement: an entity whose id is a {@code UserId}, found by a {@code UserId}, and a read
 * model selected from a {@code GroupId}, as docs/model-classes.md shows them.
 */
@UserServiceIT
class TypedIdsSqlIT {

    @LocalServerPort
    int port;

    @Autowired
    Users users;

    @Autowired
    GroupAdministration groups;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    SqlRecorder sql;

    @Test
    void aUserFoundByItsTypedIdIsOneSelectBindingTheUuid() {
        var api = new UserServiceApi(port);
        var tenant = api.createTenant();
        var ada = api.createUser(tenant);
        var ref = new TenantRef(tenant.id(), tenant.slug());

        var found = sql.record(() -> inTenant(
                ref, () -> users.findById(UserId.of(ada.id())).orElseThrow().id()));
        var summaries = sql.record(() -> inTenant(ref, () -> groups.summaries()));

        assertThat(found.result()).isEqualTo(UserId.of(ada.id()));
        assertThat(summaries.result())
                .extracting(summary -> summary.name() + "=" + summary.members())
                .containsExactly("admins=1", "members=2");
        var lookup = found.statements().stream()
                .filter(statement -> statement.contains("from users"))
                .toList();
        assertThat(lookup).hasSize(1);
        var summary = summaries.statements().stream()
                .filter(statement -> statement.contains("from groups"))
                .toList();
        assertThat(summary).hasSize(1);
        DocumentedSql.matches("model-classes.md", "typed-id", lookup);
        DocumentedSql.matches("model-classes.md", "typed-id-projection", summary);
        DocumentedSql.matches("aggregation.md", "annotate", summary);
    }

    private <T> T inTenant(TenantRef tenant, Supplier<T> work) {
        return TenantContext.callAs(tenant, () -> transactions.execute(status -> work.get()));
    }
}
