package org.usermodels.user.testing;

import java.util.UUID;
import java.util.function.Function;
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

    /** Runs a query for one value, in a transaction that acts for {@code tenant}. */
    public <T> T query(UUID tenant, Class<T> type, String sql, Object... arguments) {
        return transactions.execute(status -> {
            jdbc.queryForObject("select set_config('app.tenant_id', ?, true)", String.class, tenant.toString());
            return jdbc.queryForObject(sql, type, arguments);
        });
    }

    /**
     * Runs {@code work} in one transaction that acts for {@code tenant}: for statements a test expects the
     * database to refuse, and for several statements that must commit together.
     */
    public <T> T inTenant(UUID tenant, Function<JdbcTemplate, T> work) {
        return transactions.execute(status -> {
            jdbc.queryForObject("select set_config('app.tenant_id', ?, true)", String.class, tenant.toString());
            return work.apply(jdbc);
        });
    }

    /** Runs a query for a count in a transaction that acts for no tenant. */
    public long countWithoutTenant(String sql, Object... arguments) {
        return transactions.execute(status -> jdbc.queryForObject(sql, Long.class, arguments));
    }

    /**
     * Adds {@code count} default-model users to a tenant directly in the database, bypassing Keycloak: test
     * data for queries, never for anything that logs in. Usernames are {@code <prefix>-0001} and up; each
     * joined a day before the previous one.
     */
    public void insertUsers(UUID tenant, String prefix, int count) {
        transactions.executeWithoutResult(status -> {
            jdbc.queryForObject("select set_config('app.tenant_id', ?, true)", String.class, tenant.toString());
            jdbc.update("""
                    insert into users (tenant_id, id, username, email, first_name, last_name, type, date_joined)
                    select current_tenant(), gen_random_uuid(), ? || '-' || lpad(n::text, 4, '0'),
                           ? || '-' || n || '@example.org', 'Bulk', 'User ' || n, 'user',
                           now() - n * interval '1 day'
                    from generate_series(1, ?) n
                    """, prefix, prefix, count);
        });
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }
}
