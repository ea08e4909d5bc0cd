package org.usermodels.user.testing;

import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Plain SQL as the application role sees the database, in a transaction that acts for one tenant or for
 * none: what tests use to look at rows behind the API, and to prove what row-level security lets through.
 */
public final class TenantSql {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public TenantSql(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** Runs a query for a count, in a transaction that acts for {@code tenant} ({@code null}: for none). */
    public long count(UUID tenant, String sql, Object... arguments) {
        return transactions.execute(status -> {
            if (tenant != null) {
                jdbc.queryForObject("select set_config('app.tenant_id', ?, true)", String.class, tenant.toString());
            }
            return jdbc.queryForObject(sql, Long.class, arguments);
        });
    }

    /** Runs a query for a count in a transaction that acts for no tenant. */
    public long countWithoutTenant(String sql, Object... arguments) {
        return transactions.execute(status -> jdbc.queryForObject(sql, Long.class, arguments));
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }
}
