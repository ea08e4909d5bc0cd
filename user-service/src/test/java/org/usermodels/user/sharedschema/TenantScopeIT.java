package org.usermodels.user.sharedschema;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.usermodels.platform.testsupport.DocumentedSql;
import org.usermodels.platform.testsupport.SqlRecorder;
import org.usermodels.user.testing.UserServiceIT;

/**
 * Why the tenant is set for the transaction and not for the connection's session: on a pool of one connection,
 * a session-level {@code set_config} is still there for the next transaction, whoever it serves, while the
 * transaction-level one that {@link TenantScopedTransactionManager} sends ends with its transaction.
 */
@UserServiceIT
class TenantScopeIT {

    static final String CURRENT = "select current_setting('app.tenant_id', true)";

    @Autowired
    DataSource dataSource;

    @Autowired
    SqlRecorder sql;

    @Test
    void aTenantSetForTheSessionOutlivesItsTransactionWhereOneSetForTheTransactionEndsWithIt() throws Exception {
        var service = dataSource.unwrap(HikariDataSource.class);
        try (var pool = new HikariDataSource()) {
            pool.setJdbcUrl(service.getJdbcUrl());
            pool.setUsername(service.getUsername());
            pool.setPassword(service.getPassword());
            pool.setMaximumPoolSize(1);
            pool.setPoolName("one-connection");
            var recorded = ProxyDataSourceBuilder.create(pool).listener(sql).build();
            var jdbc = new JdbcTemplate(recorded);
            var transactions = new TransactionTemplate(new DataSourceTransactionManager(recorded));
            var acme = UUID.randomUUID().toString();

            sql.clear();
            transactions.executeWithoutResult(
                    status -> jdbc.queryForObject("select set_config('app.tenant_id', ?, false)", String.class, acme));
            var next = transactions.execute(status -> jdbc.queryForObject(CURRENT, String.class));
            var session = sql.statements();
            jdbc.queryForObject("select set_config('app.tenant_id', '', false)", String.class);

            sql.clear();
            transactions.executeWithoutResult(
                    status -> jdbc.queryForObject(TenantScopedTransactionManager.SET_TENANT, String.class, acme));
            var after = transactions.execute(status -> jdbc.queryForObject(CURRENT, String.class));
            var transaction = sql.statements();

            assertThat(next).as("the next transaction, for whichever tenant").isEqualTo(acme);
            assertThat(after).as("the next transaction").isNullOrEmpty();
            DocumentedSql.matches("orm-layers.md", "tenant-for-the-session", List.copyOf(session));
            DocumentedSql.matches("orm-layers.md", "tenant-for-the-transaction", List.copyOf(transaction));
        }
    }
}
