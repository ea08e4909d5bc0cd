package org.usermodels.user.account;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.hibernate.engine.spi.SessionImplementor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.usermodels.platform.tenancy.TenantContext;
import org.usermodels.platform.tenancy.TenantRef;
import org.usermodels.user.testing.TenantSql;
import org.usermodels.user.testing.UserServiceApi;
import org.usermodels.user.testing.UserServiceIT;

/**
 * An export streams: while it runs, the persistence context holds one user at a time, however many the tenant
 * has, because each is detached once handed over (the pitfall it avoids: a context that keeps every user read,
 * and a snapshot of each, until the transaction ends).
 */
@UserServiceIT
class UserExportIT {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    UserExport export;

    @Autowired
    EntityManager entityManager;

    @Test
    void holdsOneUserAtATimeWhileItStreamsTheTenant() {
        var api = new UserServiceApi(port);
        var tenant = api.createTenant();
        new TenantSql(dataSource).insertUsers(tenant.id(), "streamed", 600);
        var managed = new ArrayList<Integer>();
        var usernames = new ArrayList<String>();
        var handed = new AtomicInteger();

        var count = TenantContext.callAs(
                new TenantRef(tenant.id(), tenant.slug()),
                () -> export.forEach(user -> {
                    managed.add(entityManager
                            .unwrap(SessionImplementor.class)
                            .getPersistenceContextInternal()
                            .getNumberOfManagedEntities());
                    usernames.add(user.username());
                    handed.incrementAndGet();
                }));

        assertThat(count).isEqualTo(601).isEqualTo(handed.get());
        assertThat(usernames).isSorted().doesNotHaveDuplicates();
        assertThat(managed)
                .as("users in the persistence context as each is handed over")
                .allMatch(n -> n <= 1);
    }
}
