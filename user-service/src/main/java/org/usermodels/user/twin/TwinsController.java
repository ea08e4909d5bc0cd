package org.usermodels.user.twin;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.usermodels.platform.tenancy.TenantRef;
import org.usermodels.platform.web.InvalidRequest;
import org.usermodels.user.access.Access;
import org.usermodels.user.access.Permissions;
import org.usermodels.user.account.SearchTerm;
import org.usermodels.user.account.UserView;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /twin/users}: the twins of {@code GET /api/users/{id}} and of the search by term
 * ({@code GET /api/users?q=…&limit=…&cursor=…}), behind the same security, answering the same JSON (cursors
 * included: a cursor of one serves the other). {@code ?isolation=rls} (the default) runs them as the endpoints
 * run, row-level security and all; {@code ?isolation=none} without any isolation, for the benchmark's
 * isolation cost.
 */
@RestController
@RequestMapping("/twin/users")
@ConditionalOnBooleanProperty("usermodels.benchmark.twins.enabled")
@EnableConfigurationProperties(TwinProperties.class)
class TwinsController implements DisposableBean {

    private final TransactionTemplate isolated;
    private final TwinQueries isolatedQueries;
    private final @Nullable HikariDataSource unisolatedPool;
    private final @Nullable TransactionTemplate unisolated;
    private final @Nullable TwinQueries unisolatedQueries;
    private final JsonMapper json;

    TwinsController(
            DataSource dataSource,
            PlatformTransactionManager transactions,
            TwinProperties properties,
            JsonMapper json) {
        this.json = json;
        this.isolated = readOnly(transactions);
        this.isolatedQueries = new TwinQueries(new JdbcTemplate(dataSource), false);
        var connection = properties.unisolated();
        if (connection == null) {
            this.unisolatedPool = null;
            this.unisolated = null;
            this.unisolatedQueries = null;
        } else {
            var pool = new HikariDataSource();
            pool.setJdbcUrl(connection.url());
            pool.setUsername(connection.username());
            pool.setPassword(connection.password());
            pool.setMaximumPoolSize(10);
            pool.setPoolName("twins-unisolated");
            this.unisolatedPool = pool;
            this.unisolated = readOnly(new DataSourceTransactionManager(pool));
            this.unisolatedQueries = new TwinQueries(new JdbcTemplate(pool), true);
        }
    }

    @GetMapping("/{id}")
    UserView read(TenantRef tenant, @PathVariable UUID id, @RequestParam(defaultValue = "rls") String isolation) {
        var queries = queries(isolation);
        return transactions(isolation).execute(status -> {
            var user = queries.user(tenant.id(), id).orElseThrow(() -> notFound(id));
            var caller = Access.caller().id();
            if (!caller.equals(id) && !queries.permissions(tenant.id(), caller).contains(Permissions.USERS_VIEW)) {
                throw new AccessDeniedException("Needs the permission " + Permissions.USERS_VIEW);
            }
            return queries.withStanding(tenant.id(), user);
        });
    }

    /** The largest page, as {@code GET /api/users} allows it ({@code UserSearch.MAX_LIMIT}). */
    static final int MAX_LIMIT = 200;

    /** The search's answer: a page and the cursor of the next, as {@code UserSearch.Page}. */
    record Page(List<UserView> items, @Nullable String next) {}

    @GetMapping
    Page search(
            TenantRef tenant,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "20") int limit,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(defaultValue = "rls") String isolation) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidRequest.field("limit", "must be between 1 and " + MAX_LIMIT);
        }
        var queries = queries(isolation);
        var after = cursor == null ? null : decode(cursor);
        var term = q == null || q.isBlank() ? null : new SearchTerm(q);
        return transactions(isolation).execute(status -> {
            if (!queries.permissions(tenant.id(), Access.caller().id()).contains(Permissions.USERS_VIEW)) {
                throw new AccessDeniedException("Needs the permission " + Permissions.USERS_VIEW);
            }
            var rows = queries.search(tenant.id(), term, after, limit + 1);
            var more = rows.size() > limit;
            var items = more ? rows.subList(0, limit) : rows;
            return new Page(
                    List.copyOf(items),
                    more
                            ? encode(new TwinQueries.Keyset(
                                    items.getLast().username(), items.getLast().id()))
                            : null);
        });
    }

    private TwinQueries queries(String isolation) {
        return switch (isolation) {
            case "rls" -> isolatedQueries;
            case "none" -> {
                if (unisolatedQueries == null) {
                    throw InvalidRequest.field("isolation", "none needs usermodels.benchmark.twins.unisolated");
                }
                yield unisolatedQueries;
            }
            default -> throw InvalidRequest.field("isolation", "must be rls or none");
        };
    }

    private TransactionTemplate transactions(String isolation) {
        return isolation.equals("none") && unisolated != null ? unisolated : isolated;
    }

    /** The cursor as {@code UserSearch} writes it: {@code {"sort": "username", "keys": {…}}}, base64url. */
    private String encode(TwinQueries.Keyset last) {
        var keys = new LinkedHashMap<String, Object>();
        keys.put("username", last.username());
        keys.put("id", last.id().toString());
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(json.writeValueAsString(Map.of("sort", "username", "keys", keys))
                        .getBytes(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private TwinQueries.Keyset decode(String cursor) {
        try {
            var document = json.readValue(Base64.getUrlDecoder().decode(cursor), Map.class);
            var keys = (Map<String, String>) Objects.requireNonNull(document.get("keys"), "keys");
            return new TwinQueries.Keyset(
                    Objects.requireNonNull(keys.get("username"), "username"),
                    UUID.fromString(Objects.requireNonNull(keys.get("id"), "id")));
        } catch (RuntimeException e) {
            throw InvalidRequest.field("cursor", "is not a cursor this API gave out");
        }
    }

    private static ErrorResponseException notFound(UUID id) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "This tenant has no user " + id + ".");
        problem.setTitle("User not found");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }

    private static TransactionTemplate readOnly(PlatformTransactionManager transactions) {
        var template = new TransactionTemplate(transactions);
        template.setReadOnly(true);
        return template;
    }

    @Override
    public void destroy() {
        if (unisolatedPool != null) {
            unisolatedPool.close();
        }
    }
}
