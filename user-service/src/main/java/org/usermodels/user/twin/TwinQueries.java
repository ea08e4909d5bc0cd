package org.usermodels.user.twin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.usermodels.user.access.GroupView;
import org.usermodels.user.account.SearchTerm;
import org.usermodels.user.account.UserView;
import org.usermodels.user.attribute.AttributeValuesConverter;

/**
 * The SQL of the endpoints, by hand. With row-level security (the {@code rls} side) each statement is the one
 * Hibernate sends, down to its joins: the tenant comes from the transaction's {@code set_config}, and
 * Hibernate's {@code @TenantId} predicate is written out on {@code users}. Without isolation (the {@code none}
 * side) the connection bypasses row-level security, so every table is filtered by tenant in the SQL itself,
 * as an application without either mechanism must.
 */
final class TwinQueries {

    private static final String USER_COLUMNS = """
            u1_0.id, u1_0.type, u1_0.attributes, u1_0.date_joined, u1_0.deleted_at, u1_0.email,
            u1_0.event_sequence, u1_0.first_name, u1_0.last_login, u1_0.last_name, u1_0.locale, u1_0.status,
            u1_0.tenant_id, u1_0.time_zone, u1_0.username, u1_0.version, u1_1.customer_number, u1_1.loyalty_tier,
            u1_1.marketing_consent, u1_1.marketing_consent_at, u1_2.company_name, u1_2.company_registration_id,
            u1_2.partner_tier, u1_3.department, u1_3.employee_number, u1_3.hire_date, u1_3.job_title""";

    private final JdbcTemplate jdbc;
    private final boolean explicitTenant;

    /**
     * @param explicitTenant whether every table is filtered by tenant in the SQL (no row-level security)
     */
    TwinQueries(JdbcTemplate jdbc, boolean explicitTenant) {
        this.jdbc = jdbc;
        this.explicitTenant = explicitTenant;
    }

    /** The effective permissions of a user: direct ∪ through groups, in one statement, as {@code Access}. */
    List<String> permissions(UUID tenant, UUID user) {
        if (explicitTenant) {
            return jdbc.query("""
                    select up.permission_code from user_permissions up
                   where up.user_id = ? and up.tenant_id = ?
                    union
                    select gp.permission_code from group_permissions gp
                    join group_members gm on gm.tenant_id = gp.tenant_id and gm.group_id = gp.group_id
                    where gm.user_id = ? and gm.tenant_id = ?
                    """, (row, index) -> row.getString(1), user, tenant, user, tenant);
        }
        return jdbc.query("""
                select up.permission_code from user_permissions up
                where up.user_id = ?
                union
                select gp.permission_code from group_permissions gp
                join group_members gm on gm.tenant_id = gp.tenant_id and gm.group_id = gp.group_id
                where gm.user_id = ?
                """, (row, index) -> row.getString(1), user, user);
    }

    /** A user, in one statement, as {@code Users.findById} (the subclasses' tables joined). */
    Optional<UserView> user(UUID tenant, UUID id) {
        var sql = """
                select %s
                from users u1_0
                left join customers u1_1 on u1_0.id = u1_1.id%s
                left join partner_contacts u1_2 on u1_0.id = u1_2.id%s
                left join staff_members u1_3 on u1_0.id = u1_3.id%s
                where u1_0.tenant_id = ? and (u1_0.deleted_at is null) and u1_0.id = ?
                """.formatted(USER_COLUMNS, joinTenant("u1_1"), joinTenant("u1_2"), joinTenant("u1_3"));
        return jdbc.query(sql, (rows, index) -> view(rows, null, null), tenant, id).stream()
                .findFirst();
    }

    /** A user with their groups and effective permissions, in one statement, as {@code Access.standing}. */
    UserView withStanding(UUID tenant, UserView user) {
        var sql = """
                select 'group' as kind, g.id as id, g.name as name
                from group_members gm
                join groups g on g.tenant_id = gm.tenant_id and g.id = gm.group_id
                where gm.user_id = ?%s
                union
                select 'permission', cast(null as uuid), up.permission_code
                from user_permissions up
                where up.user_id = ?%s
                union
                select 'permission', cast(null as uuid), gp.permission_code
                from group_permissions gp
                join group_members gm on gm.tenant_id = gp.tenant_id and gm.group_id = gp.group_id
                where gm.user_id = ?%s
                """.formatted(tenantOf("gm"), tenantOf("up"), tenantOf("gm"));
        var groups = new TreeSet<GroupView.Ref>(Comparator.comparing(GroupView.Ref::name));
        var permissions = new TreeSet<String>();
        RowCallbackHandler row = rows -> {
            var group = rows.getObject("id", UUID.class);
            if (group != null) {
                groups.add(new GroupView.Ref(group, rows.getString("name")));
            } else {
                permissions.add(rows.getString("name"));
            }
        };
        if (explicitTenant) {
            jdbc.query(sql, row, user.id(), tenant, user.id(), tenant, user.id(), tenant);
        } else {
            jdbc.query(sql, row, user.id(), user.id(), user.id());
        }
        return withPermissions(withGroups(user, List.copyOf(groups)), List.copyOf(permissions));
    }

    private String tenantOf(String alias) {
        return explicitTenant ? " and %s.tenant_id = ?".formatted(alias) : "";
    }

    /**
     * A page of the search by a term, by username, as {@code UserSearch} (a Specification with Spring Data's
     * keyset scrolling) sends it.
     *
     * @param after the last row of the previous page (username, id), {@code null} for the first page
     */
    List<UserView> search(UUID tenant, @Nullable SearchTerm term, @Nullable Keyset after, int limit) {
        var sql = new StringBuilder("select ").append(USER_COLUMNS).append("""
                         from users u1_0
                        left join customers u1_1 on u1_0.id = u1_1.id%s
                        left join partner_contacts u1_2 on u1_0.id = u1_2.id%s
                        left join staff_members u1_3 on u1_0.id = u1_3.id%s
                        where u1_0.tenant_id = ? and (u1_0.deleted_at is null)
                        """.formatted(
                        joinTenant("u1_1"), joinTenant("u1_2"), joinTenant("u1_3")));
        var parameters = new ArrayList<Object>();
        parameters.add(tenant);
        if (term != null) {
            // as the endpoint: a sample decides between testing each row along the page's index and looking the
            // matches up by key. Under row-level security the lookup is users_matching (migration V5), which
            // reads the trigram index past the policies; without isolation the same query, inline, with the
            // tenant in the SQL. Both sides take the same shapes, so that the difference is the isolation's.
            var sample = jdbc.queryForObject(
                    """
                    select count(*) as tested,
                           count(*) filter (where s.search_text like f_unaccent(lower(?)) escape '\\'
                                               or f_unaccent(lower(?)) <% s.search_text) as matched,
                           (array_agg(s.id order by s.id desc))[1] as last
                    from (select u.id, u.search_text from users u
                          where u.deleted_at is null{tenant}
                          order by u.id
                          fetch first ? rows only) s
                    """.replace("{tenant}", explicitTenant ? " and u.tenant_id = ?" : ""),
                    (row, number) -> new SearchTerm.Sample(
                            row.getLong("tested"), row.getLong("matched"), row.getObject("last", UUID.class)),
                    explicitTenant
                            ? new Object[] {term.pattern(), term.term(), tenant, SearchTerm.SAMPLE}
                            : new Object[] {term.pattern(), term.term(), SearchTerm.SAMPLE});
            if (SearchTerm.walks(Objects.requireNonNull(sample), limit - 1)) {
                sql.append(" and ((u1_0.search_text like f_unaccent(lower(?)) escape '\\'"
                        + " or f_unaccent(lower(?)) <% u1_0.search_text))");
                parameters.addAll(List.of(term.pattern(), term.term()));
            } else if (explicitTenant) {
                sql.append("""
                         and (u1_0.id = any(array(select u.id from users u
                            where u.search_text like f_unaccent(lower(?)) escape '\\' and u.tenant_id = ?
                              and u.deleted_at is null
                            union
                            select u.id from users u
                            where f_unaccent(lower(?)) <% u.search_text and u.tenant_id = ? and u.deleted_at is null)))
                        """);
                parameters.addAll(List.of(term.pattern(), tenant, term.term(), tenant));
            } else {
                sql.append(" and (u1_0.id = any(array(select users_matching(?, ?))))");
                parameters.addAll(List.of(term.pattern(), term.term()));
            }
        }
        if (after != null) {
            sql.append(" and (u1_0.username > ? or u1_0.username = ? and u1_0.id > ?)");
            parameters.add(after.username());
            parameters.add(after.username());
            parameters.add(after.id());
        }
        sql.append(" order by u1_0.username, u1_0.id fetch first ? rows only");
        parameters.add(limit);
        return jdbc.query(sql.toString(), (rows, i) -> view(rows, null, null), parameters.toArray());
    }

    /** The last row of a page, where the next one starts. */
    record Keyset(String username, UUID id) {}

    private String joinTenant(String alias) {
        return joinTenant(alias, "u1_0");
    }

    private String joinTenant(String alias, String other) {
        return explicitTenant ? " and %s.tenant_id = %s.tenant_id".formatted(alias, other) : "";
    }

    static UserView withGroups(UserView user, List<GroupView.Ref> groups) {
        return new UserView(
                user.id(),
                user.type(),
                user.username(),
                user.email(),
                user.firstName(),
                user.lastName(),
                user.status(),
                user.locale(),
                user.timeZone(),
                user.dateJoined(),
                user.lastLogin(),
                user.attributes(),
                user.customer(),
                user.staff(),
                user.partner(),
                groups,
                user.permissions(),
                null,
                user.version());
    }

    static UserView withPermissions(UserView user, List<String> permissions) {
        return new UserView(
                user.id(),
                user.type(),
                user.username(),
                user.email(),
                user.firstName(),
                user.lastName(),
                user.status(),
                user.locale(),
                user.timeZone(),
                user.dateJoined(),
                user.lastLogin(),
                user.attributes(),
                user.customer(),
                user.staff(),
                user.partner(),
                user.groups(),
                permissions.stream().sorted().toList(),
                null,
                user.version());
    }

    /** The row as the API shows the user: {@code UserView.of} by hand. */
    private static UserView view(
            ResultSet rows, @Nullable List<GroupView.Ref> groups, @Nullable List<String> permissions)
            throws SQLException {
        var type = rows.getString("type");
        UserView.CustomerDetails customer = null;
        UserView.StaffDetails staff = null;
        UserView.PartnerDetails partner = null;
        switch (type) {
            case "customer" ->
                customer = new UserView.CustomerDetails(
                        rows.getString("customer_number"),
                        rows.getString("loyalty_tier"),
                        rows.getBoolean("marketing_consent"),
                        instant(rows.getObject("marketing_consent_at", OffsetDateTime.class)));
            case "staff" ->
                staff = new UserView.StaffDetails(
                        rows.getString("employee_number"),
                        rows.getString("department"),
                        rows.getString("job_title"),
                        rows.getObject("hire_date", LocalDate.class));
            case "partner" ->
                partner = new UserView.PartnerDetails(
                        rows.getString("company_name"),
                        rows.getString("company_registration_id"),
                        rows.getString("partner_tier"));
            default -> {}
        }
        return new UserView(
                rows.getObject("id", UUID.class),
                type,
                rows.getString("username"),
                rows.getString("email"),
                rows.getString("first_name"),
                rows.getString("last_name"),
                rows.getString("status"),
                rows.getString("locale"),
                rows.getString("time_zone"),
                Objects.requireNonNull(instant(rows.getObject("date_joined", OffsetDateTime.class))),
                instant(rows.getObject("last_login", OffsetDateTime.class)),
                attributes(rows.getString("attributes")),
                customer,
                staff,
                partner,
                groups,
                permissions,
                null,
                rows.getLong("version"));
    }

    private static Map<String, Object> attributes(@Nullable String json) {
        return json == null
                ? Map.of()
                : new LinkedHashMap<>(new AttributeValuesConverter().convertToEntityAttribute(json));
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
