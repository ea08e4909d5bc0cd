package org.usermodels.user.account;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.usermodels.user.access.Access;
import org.usermodels.user.access.GroupAdministration;
import org.usermodels.user.access.GroupView;
import org.usermodels.user.access.Permissions;

/**
 * Counts the database computes, not Java loops: conditional aggregates ({@code count(*) filter (where …)})
 * in HQL, a month series in SQL, and members per group with a join and {@code group by} (asked of access, whose rows they are).
 */
@Service
class UserStatistics {

    private final EntityManager entityManager;
    private final GroupAdministration groups;
    private final Access access;

    UserStatistics(EntityManager entityManager, GroupAdministration groups, Access access) {
        this.entityManager = entityManager;
        this.groups = groups;
        this.access = access;
    }

    record Stats(
            @Schema(description = "Users per type", example = "{\"user\": 12, \"staff\": 3}")
            Map<String, Long> byType,

            @Schema(description = "Users per status", example = "{\"ACTIVE\": 14, \"DISABLED\": 1}")
            Map<String, Long> byStatus,

            @ArraySchema(maxItems = 12) List<MonthCount> signupsPerMonth,

            @ArraySchema(maxItems = GroupAdministration.MAX_GROUPS)
            List<GroupView.Summary> membersPerGroup) {}

    record MonthCount(
            @Schema(maxLength = 7, pattern = "^\\d{4}-\\d{2}$", example = "2026-11")
            String month,

            @Schema(minimum = "0", maximum = "9223372036854775807")
            long signups) {}

    @Transactional(readOnly = true)
    Stats stats() {
        access.require(Permissions.USERS_VIEW);
        var counts = entityManager.createQuery("""
                        select count(u),
                               count(u) filter (where type(u) = User),
                               count(u) filter (where type(u) = Customer),
                               count(u) filter (where type(u) = StaffMember),
                               count(u) filter (where type(u) = PartnerContact),
                               count(u) filter (where u.status = UserStatus.ACTIVE),
                               count(u) filter (where u.status = UserStatus.DISABLED)
                        from User u
                        """, Object[].class).getSingleResult();
        var byType = new LinkedHashMap<String, Long>();
        byType.put(UserType.USER.code(), (Long) counts[1]);
        byType.put(UserType.CUSTOMER.code(), (Long) counts[2]);
        byType.put(UserType.STAFF.code(), (Long) counts[3]);
        byType.put(UserType.PARTNER.code(), (Long) counts[4]);
        var byStatus = new LinkedHashMap<String, Long>();
        byStatus.put(UserStatus.ACTIVE.name(), (Long) counts[5]);
        byStatus.put(UserStatus.DISABLED.name(), (Long) counts[6]);
        return new Stats(byType, byStatus, signupsPerMonth(), groups.summaries());
    }

    /** The last twelve months, oldest first, months without sign-ups included (UTC). */
    @SuppressWarnings("unchecked")
    private List<MonthCount> signupsPerMonth() {
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select to_char(m.month, 'YYYY-MM') as month, count(u.id) as signups
                        from generate_series(
                                 date_trunc('month', now() at time zone 'UTC') - interval '11 months',
                                 date_trunc('month', now() at time zone 'UTC'),
                                 interval '1 month') as m(month)
                        left join users u
                               on date_trunc('month', u.date_joined at time zone 'UTC') = m.month
                              and u.deleted_at is null
                        group by m.month
                        order by m.month
                        """).getResultList();
        return rows.stream()
                .map(row -> new MonthCount((String) row[0], ((Number) row[1]).longValue()))
                .toList();
    }
}
