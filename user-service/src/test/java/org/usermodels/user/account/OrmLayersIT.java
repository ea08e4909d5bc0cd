package org.usermodels.user.account;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.internal.SessionImpl;
import org.hibernate.query.spi.SqmQuery;
import org.hibernate.query.sqm.tree.select.SqmSelectStatement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.jpa.repository.support.SimpleJpaRepository;
import org.springframework.transaction.support.TransactionTemplate;
import org.usermodels.platform.domain.TenantId;
import org.usermodels.platform.domain.UserId;
import org.usermodels.platform.tenancy.TenantContext;
import org.usermodels.platform.tenancy.TenantRef;
import org.usermodels.platform.testsupport.DocumentedSql;
import org.usermodels.platform.testsupport.SqlRecorder;
import org.usermodels.user.testing.UserServiceApi;
import org.usermodels.user.testing.UserServiceIT;

/**
 * How the ORM's layers fit together, each claim of docs/orm-layers.md proven on the service's own users: the
 * path of a call from the repository proxy to JDBC, the persistence context as an identity map, dirty checking,
 * the flush before a query, JDBC batching, and the second-level cache left off.
 */
@UserServiceIT
class OrmLayersIT {

    @LocalServerPort
    int port;

    @Autowired
    Users users;

    @Autowired
    EntityManager entityManager;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    SqlRecorder sql;

    TenantRef tenant;
    UserId ada;

    @BeforeEach
    void aTenantWithAUser() {
        var api = new UserServiceApi(port);
        var created = api.createTenant();
        tenant = new TenantRef(created.id(), created.slug());
        ada = UserId.of(api.createUser(created).id());
    }

    @Test
    void aCallGoesFromTheRepositoryProxyThroughTheSessionAndSqmToOneJdbcStatement() {
        assertThat(AopUtils.isJdkDynamicProxy(users))
                .as("Spring Data's repository is a proxy")
                .isTrue();
        assertThat(target(users)).as("which hands the call to").isInstanceOf(SimpleJpaRepository.class);

        var hql = "from User u where u.username = :username";
        var layers = inTenant(() -> {
            var session = entityManager.unwrap(Session.class);
            var query = session.createQuery(hql, User.class).setParameter("username", "x");
            var cb = session.getCriteriaBuilder();
            var criteria = cb.createQuery(User.class);
            var root = criteria.from(User.class);
            criteria.where(cb.equal(root.get(User_.username), cb.parameter(String.class, "username")));
            return new Object[] {
                entityManager.unwrap(SessionImplementor.class),
                query.unwrap(SqmQuery.class).getSqmStatement(),
                criteria
            };
        });

        assertThat(Proxy.isProxyClass(entityManager.getClass()))
                .as("the EntityManager is Spring's shared proxy")
                .isTrue();
        assertThat(layers[0]).as("for the transaction's Session").isInstanceOf(SessionImpl.class);
        assertThat(layers[1]).as("HQL parsed into SQM").isInstanceOf(SqmSelectStatement.class);
        assertThat(layers[2]).as("a Criteria query is SQM already").isInstanceOf(SqmSelectStatement.class);

        var fromHql = statementOf(() -> entityManager
                .unwrap(Session.class)
                .createSelectionQuery(hql, User.class)
                .setParameter("username", "ada")
                .getResultList());
        var fromCriteria = statementOf(() -> {
            var cb = entityManager.getCriteriaBuilder();
            var criteria = cb.createQuery(User.class);
            var root = criteria.from(User.class);
            criteria.where(cb.equal(root.get(User_.username), cb.parameter(String.class, "username")));
            return entityManager
                    .createQuery(criteria)
                    .setParameter("username", "ada")
                    .getResultList();
        });
        assertThat(fromCriteria).as("the same tree is the same SQL").isEqualTo(fromHql);
        DocumentedSql.matches("orm-layers.md", "hql-and-criteria", List.of(fromHql));
    }

    @Test
    void twoLookupsOfOneUserInATransactionAreOneSelectAndOneObject() {
        var recorded = sql.record(() -> inTenant(() -> {
            var first = users.findById(ada).orElseThrow();
            var second = users.findById(ada).orElseThrow();
            return first == second;
        }));
        var separate = sql.record(() -> {
            var first = inTenant(() -> users.findById(ada).orElseThrow());
            var second = inTenant(() -> users.findById(ada).orElseThrow());
            return first == second;
        });

        assertThat(recorded.result()).as("the same instance").isTrue();
        assertThat(selects(recorded.statements())).hasSize(1);
        assertThat(separate.result())
                .as("a persistence context per transaction")
                .isFalse();
        assertThat(selects(separate.statements())).hasSize(2);
        DocumentedSql.matches("orm-layers.md", "identity-map", withoutTenant(recorded.statements()));
    }

    @Test
    void aChangedUserIsWrittenAtCommitWithoutSaveColumnsAndAll() {
        var recorded = sql.record(() -> inTenant(() -> {
            users.findById(ada).orElseThrow().disable(); // no save: the persistence context notices
            return null;
        }));

        var updates = recorded.statements().stream()
                .filter(statement -> statement.startsWith("update users"))
                .toList();
        assertThat(updates).hasSize(1);
        assertThat(updates.getFirst()).contains("status=?", "email=?", "first_name=?", "attributes=?");
        assertThat(inTenant(() -> users.findById(ada).orElseThrow().status())).isEqualTo(UserStatus.DISABLED);
        DocumentedSql.matches("orm-layers.md", "dirty-checking", updates);
    }

    @Test
    void aQueryFlushesTheChangesItMightReadFirstUnlessTheFlushWaitsForTheCommit() {
        var disabled = "select count(u) from User u where u.status = UserStatus.DISABLED";

        var auto = sql.record(() -> inTenantRolledBack(() -> {
            users.findById(ada).orElseThrow().disable();
            return entityManager.createQuery(disabled, Long.class).getSingleResult();
        }));
        var atCommit = sql.record(() -> inTenantRolledBack(() -> {
            entityManager.unwrap(Session.class).setHibernateFlushMode(FlushMode.COMMIT);
            users.findById(ada).orElseThrow().disable();
            return entityManager.createQuery(disabled, Long.class).getSingleResult();
        }));

        assertThat(auto.result()).as("AUTO: the query sees the change").isEqualTo(1);
        assertThat(atCommit.result())
                .as("COMMIT: the query reads the rows as they were")
                .isZero();
        assertThat(withoutLookup(auto.statements()))
                .extracting(statement -> statement.substring(0, 6))
                .containsExactly("update", "select");
        assertThat(withoutLookup(atCommit.statements()))
                .extracting(statement -> statement.substring(0, 6))
                .containsExactly("select");
        DocumentedSql.matches("orm-layers.md", "flush-auto", withoutLookup(auto.statements()));
        DocumentedSql.matches("orm-layers.md", "flush-commit", withoutLookup(atCommit.statements()));
    }

    @Test
    void newUsersGoToTheDatabaseInBatchesOfFifty() {
        var now = Instant.now();
        var recorded = sql.record(() -> inTenant(() -> {
            for (var n = 0; n < 60; n++) {
                users.save(new User(
                        UserId.of(UUID.randomUUID()),
                        TenantId.of(tenant.id()),
                        new User.Profile(
                                new Username("batch-" + n + "-" + UUID.randomUUID()),
                                new EmailAddress("batch-" + n + "-" + UUID.randomUUID() + "@example.org"),
                                "Batch",
                                "User " + n,
                                null,
                                null),
                        Map.of(),
                        now));
            }
            return null;
        }));

        assertThat(recorded.statements()).isNotEmpty();
        var inserts = new ArrayList<String>();
        var executions = sql.executions().stream()
                .filter(execution -> execution.statement().startsWith("insert into users"))
                .toList();
        executions.forEach(execution -> inserts.add(execution.batch() + ":" + execution.batchSize()));
        assertThat(inserts).as("two JDBC batches for sixty rows").containsExactly("true:50", "true:10");
        assertThat(sql.executions().stream()
                        .filter(execution -> execution.statement().startsWith("insert into outbox_events")))
                .as("their events, batched the same way")
                .extracting(execution -> execution.batchSize())
                .containsExactly(50, 10);
    }

    @Test
    void theSecondLevelCacheIsOff() {
        var options =
                entityManagerFactory.unwrap(SessionFactoryImplementor.class).getSessionFactoryOptions();

        assertThat(options.isSecondLevelCacheEnabled()).isFalse();
        assertThat(options.isQueryCacheEnabled()).isFalse();
    }

    private static Object target(Object proxy) {
        try {
            return ((Advised) proxy).getTargetSource().getTarget();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String statementOf(Supplier<?> query) {
        var recorded = sql.record(() -> inTenant(query));
        return selects(recorded.statements()).getFirst();
    }

    private static List<String> selects(List<String> statements) {
        return statements.stream()
                .filter(statement -> statement.startsWith("select") && !statement.contains("set_config"))
                .toList();
    }

    private static List<String> withoutTenant(List<String> statements) {
        return statements.stream()
                .filter(statement -> !statement.contains("set_config"))
                .toList();
    }

    /** The statements after the user's lookup: what the change and the query sent. */
    private static List<String> withoutLookup(List<String> statements) {
        var rest = withoutTenant(statements);
        return rest.subList(1, rest.size());
    }

    private <T> T inTenant(Supplier<T> work) {
        return TenantContext.callAs(tenant, () -> transactions.execute(status -> work.get()));
    }

    /** As {@link #inTenant}, and rolled back at the end: what the work wrote is gone. */
    private <T> T inTenantRolledBack(Supplier<T> work) {
        return TenantContext.callAs(
                tenant,
                () -> transactions.execute(status -> {
                    var result = work.get();
                    status.setRollbackOnly();
                    return result;
                }));
    }
}
