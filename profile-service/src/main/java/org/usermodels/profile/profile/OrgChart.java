package org.usermodels.profile.profile;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.usermodels.platform.domain.UserId;

/**
 * The reporting tree under a staff member, read with one recursive query however deep it goes: a recursive
 * common table expression, written in HQL (Hibernate 6.2+ speaks {@code with … union all …}), so that the
 * query names entities and attributes, not tables and columns. docs/recursive-queries.md shows the SQL.
 */
@Component
class OrgChart {

    static final int MAX_DEPTH = 10;

    /** The most people one answer shows: a larger organization is read a few levels at a time. */
    static final int MAX_PEOPLE = 1_000;

    private final EntityManager entityManager;

    OrgChart(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** One person of the tree, {@code depth} levels below the root. */
    record Line(
            UUID userId,
            UUID managerId,
            @Nullable String displayName,
            @Nullable String title,
            int depth) {

        /** A line as the query selects it ({@code select new}), from the profiles' typed ids. */
        Line(UserId userId, UserId managerId, @Nullable String displayName, @Nullable String title, int depth) {
            this(userId.value(), managerId.value(), displayName, title, depth);
        }
    }

    /** A person with their own reports. */
    record Node(
            UUID userId,
            @Schema(maxLength = 100) @Nullable String displayName,
            @Schema(maxLength = 100) @Nullable String title,
            @Schema(minimum = "1", maximum = "" + MAX_DEPTH) int depth,
            @ArraySchema(maxItems = MAX_PEOPLE) List<Node> reports) {}

    /**
     * Everyone reporting to {@code root}, directly or not, down to {@code depth} levels, in one statement; at
     * most {@link #MAX_PEOPLE} + 1 of them, so that the caller can tell a tree too large to answer.
     */
    List<Line> lines(UserId root, int depth) {
        return entityManager
                .createQuery("""
                        with reports as (
                            select s.userId as userId, s.manager.userId as managerId,
                                   s.displayName as displayName, s.title as title, 1 as depth
                            from StaffProfile s
                            where s.manager.userId = :root
                            union all
                            select s.userId as userId, s.manager.userId as managerId,
                                   s.displayName as displayName, s.title as title, r.depth + 1 as depth
                            from StaffProfile s
                            join reports r on s.manager.userId = r.userId
                            where r.depth < :depth
                        )
                        select new org.usermodels.profile.profile.OrgChart$Line(
                                   r.userId, r.managerId, r.displayName, r.title, r.depth)
                        from reports r
                        order by r.depth, r.displayName
                        """, Line.class)
                .setParameter("root", root)
                .setParameter("depth", depth)
                .setMaxResults(MAX_PEOPLE + 1)
                .getResultList();
    }

    /** The lines as a tree under {@code root}, built in memory from the one query's rows. */
    static List<Node> tree(UserId root, List<Line> lines) {
        Map<UUID, List<Line>> byManager = new LinkedHashMap<>();
        for (var line : lines) {
            byManager.computeIfAbsent(line.managerId(), id -> new ArrayList<>()).add(line);
        }
        return children(root.value(), byManager);
    }

    private static List<Node> children(UUID manager, Map<UUID, List<Line>> byManager) {
        return byManager.getOrDefault(manager, List.of()).stream()
                .map(line -> new Node(
                        line.userId(),
                        line.displayName(),
                        line.title(),
                        line.depth(),
                        children(line.userId(), byManager)))
                .toList();
    }
}
