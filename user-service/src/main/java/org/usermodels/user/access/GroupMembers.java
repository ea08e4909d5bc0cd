package org.usermodels.user.access;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.usermodels.platform.domain.UserId;

/**
 * The memberships of the current tenant's groups, and the permissions granted to its users directly: the rows
 * access decides by. Writes are single set-based statements, so that joining the group every user is in costs
 * one row whatever its size; the tenant of a written row is the transaction's ({@code current_tenant()}, the
 * column's default), and row-level security checks it.
 */
interface GroupMembers extends Repository<Membership, Membership.Key> {

    /**
     * Makes each of the users a member of each of the groups; a member already is one. Ids go in as text arrays
     * and are cast by the database, one statement for any number of them.
     *
     * @return how many memberships were added
     */
    @Modifying
    @Query(nativeQuery = true, value = """
            insert into group_members (group_id, user_id)
            select g.id, u.id
            from unnest(cast(:groups as uuid[])) as g(id) cross join unnest(cast(:users as uuid[])) as u(id)
            on conflict do nothing
            """)
    int join(String[] users, String[] groups);

    /** Makes the user a member of the group; answers whether they were not one already. */
    @Modifying
    @Query(nativeQuery = true, value = """
            insert into group_members (group_id, user_id) values (:group, :user)
            on conflict do nothing
            """)
    int join(GroupId group, UserId user);

    /** Ends the user's membership of the group; answers whether there was one. */
    @Modifying
    @Query("delete from Membership m where m.id.groupId = :group and m.id.userId = :user")
    int leave(GroupId group, UserId user);

    /** Ends every membership of the user. */
    @Modifying
    @Query("delete from Membership m where m.id.userId = :user")
    int leaveAll(UserId user);

    @Query("select count(m) from Membership m where m.id.groupId = :group")
    long countMembers(GroupId group);

    /** Grants the user a permission directly; granted already, it stays so. */
    @Modifying
    @Query(nativeQuery = true, value = """
            insert into user_permissions (user_id, permission_code) values (:user, :permission)
            on conflict do nothing
            """)
    int grant(UserId user, String permission);

    @Modifying
    @Query(
            nativeQuery = true,
            value = "delete from user_permissions where user_id = :user and permission_code = :permission")
    int revoke(UserId user, String permission);

    @Modifying
    @Query(nativeQuery = true, value = "delete from user_permissions where user_id = :user")
    int revokeAll(UserId user);

    /**
     * The user's effective permissions: granted directly, or through a group they belong to. One statement,
     * over this feature's tables only.
     */
    @Query(nativeQuery = true, value = """
            select up.permission_code
            from user_permissions up
            where up.user_id = :user
            union
            select gp.permission_code
            from group_permissions gp
            join group_members gm on gm.tenant_id = gp.tenant_id and gm.group_id = gp.group_id
            where gm.user_id = :user
            """)
    List<String> effectivePermissions(UserId user);

    /**
     * Where the user stands: a row per group they belong to ({@code kind = 'group'}, with its id and name) and a
     * row per effective permission ({@code kind = 'permission'}, the code as the name). One statement, so that a
     * user read with their groups and permissions costs one more, not three.
     */
    @Query(nativeQuery = true, value = """
            select 'group' as kind, g.id as id, g.name as name
            from group_members gm
            join groups g on g.tenant_id = gm.tenant_id and g.id = gm.group_id
            where gm.user_id = :user
            union
            select 'permission', cast(null as uuid), up.permission_code
            from user_permissions up
            where up.user_id = :user
            union
            select 'permission', cast(null as uuid), gp.permission_code
            from group_permissions gp
            join group_members gm on gm.tenant_id = gp.tenant_id and gm.group_id = gp.group_id
            where gm.user_id = :user
            """)
    List<StandingRow> standing(UserId user);

    /** One row of {@link #standing}. */
    interface StandingRow {
        String getKind();

        @org.jspecify.annotations.Nullable UUID getId();

        String getName();
    }
}
