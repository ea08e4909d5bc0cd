package org.usermodels.user.access;

import jakarta.persistence.metamodel.SingularAttribute;
import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.usermodels.platform.domain.UserId;
import org.usermodels.platform.tenancy.TenantContext;

/**
 * The groups of the current tenant, their members and their permissions. Other features use it to create a
 * tenant's built-in groups and to enrol new users ({@link #enrol}); the rest is the API's.
 */
@Service
public class GroupAdministration {

    /**
     * How many groups a tenant may have, the built-in ones included: a bound, so that the list of groups (one
     * response, not pages) and a user's groups stay of a size a client can take in one read.
     */
    public static final int MAX_GROUPS = 1_000;

    /** The group every user of a tenant belongs to. */
    public static final String MEMBERS = Group.MEMBERS;

    /** The group whose members manage the tenant. */
    public static final String ADMINS = Group.ADMINS;

    private final Groups groups;
    private final GroupMembers members;
    private final TenantUsers users;
    private final Access access;
    private final Clock clock;

    GroupAdministration(Groups groups, GroupMembers members, TenantUsers users, Access access, Clock clock) {
        this.groups = groups;
        this.members = members;
        this.users = users;
        this.access = access;
        this.clock = clock;
    }

    /**
     * Creates the groups every tenant has: {@value Group#ADMINS}, with every permission, and
     * {@value Group#MEMBERS}, with none. Does nothing for a group that exists.
     */
    @Transactional
    public void createBuiltInGroups() {
        if (groups.findByName(Group.ADMINS).isEmpty()) {
            var admins = new Group(TenantContext.require().tenantId(), Group.ADMINS, clock.instant());
            Permissions.ALL.stream().map(PermissionCode::of).forEach(admins::grant);
            groups.save(admins);
        }
        if (groups.findByName(Group.MEMBERS).isEmpty()) {
            groups.save(new Group(TenantContext.require().tenantId(), Group.MEMBERS, clock.instant()));
        }
    }

    /**
     * Makes new users of the tenant members of {@value Group#MEMBERS} and of the groups named in {@code extra}:
     * two statements however many users, in the caller's transaction, after their rows (the memberships refer
     * to them).
     *
     * @return the groups each of them now belongs to
     * @throws IllegalStateException if the tenant lacks one of the groups
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<GroupView.Ref> enrol(Collection<UserId> newUsers, Set<String> extra) {
        var names = new LinkedHashSet<String>();
        names.add(Group.MEMBERS);
        names.addAll(extra);
        var found = groups.findByNameIn(names);
        if (found.size() != names.size()) {
            throw new IllegalStateException("The tenant lacks one of the groups " + names);
        }
        members.join(
                newUsers.stream().map(UserId::toString).toArray(String[]::new),
                found.stream().map(group -> group.id().toString()).toArray(String[]::new));
        return found.stream()
                .map(group -> new GroupView.Ref(group.id().value(), group.name()))
                .sorted(Comparator.comparing(GroupView.Ref::name))
                .toList();
    }

    /**
     * A condition for another feature's query: the row's user (the attribute {@code userId} of the query's root)
     * is a member of the group. An {@code exists} on the memberships' key, so the other feature's query needs
     * neither this feature's entities nor a join that could repeat its rows.
     */
    public static <T> Specification<T> membersOf(GroupId group, SingularAttribute<? super T, UserId> userId) {
        return (root, query, cb) -> {
            var membership = query.subquery(Membership.Key.class);
            var member = membership.from(Membership.class);
            var key = member.get(Membership_.id);
            return cb.exists(membership
                    .select(key)
                    .where(
                            cb.equal(key.get(Membership_.Key_.groupId), group),
                            cb.equal(key.get(Membership_.Key_.userId), root.get(userId))));
        };
    }

    /** Every group with its number of members, as the statistics show them. */
    @Transactional(readOnly = true)
    public List<GroupView.Summary> summaries() {
        return groups.summaries();
    }

    @Transactional(readOnly = true)
    List<GroupView.Summary> list() {
        access.require(Permissions.USERS_VIEW);
        return groups.summaries();
    }

    @Transactional(readOnly = true)
    GroupView read(GroupId id) {
        var group = groups.findWithPermissions(id).orElseThrow(() -> NotFound.group(id));
        access.require(Permissions.USERS_VIEW);
        return GroupView.of(group, members.countMembers(id));
    }

    @Transactional
    GroupView create(String name) {
        access.require(Permissions.GROUPS_MANAGE);
        groups.lockForCreation();
        if (groups.countAll() >= MAX_GROUPS) {
            throw GroupConflict.tooMany();
        }
        if (groups.existsByNameIgnoreCase(name)) {
            throw GroupConflict.nameTaken();
        }
        var group = groups.save(new Group(TenantContext.require().tenantId(), name, clock.instant()));
        return GroupView.of(group, 0);
    }

    @Transactional
    GroupView rename(GroupId id, String name) {
        var group = groups.findWithPermissions(id).orElseThrow(() -> NotFound.group(id));
        access.require(Permissions.GROUPS_MANAGE);
        if (group.builtIn()) {
            throw GroupConflict.builtIn(group.name());
        }
        if (!group.name().equalsIgnoreCase(name) && groups.existsByNameIgnoreCase(name)) {
            throw GroupConflict.nameTaken();
        }
        group.rename(name);
        return GroupView.of(group, members.countMembers(id));
    }

    /** Deletes a group; its memberships and grants go with it (the foreign keys cascade). */
    @Transactional
    void delete(GroupId id) {
        var group = groups.findById(id).orElseThrow(() -> NotFound.group(id));
        access.require(Permissions.GROUPS_MANAGE);
        if (group.builtIn()) {
            throw GroupConflict.builtIn(group.name());
        }
        groups.delete(group);
    }

    /** Makes the user a member; a member already is one. */
    @Transactional
    void addMember(GroupId groupId, UserId userId) {
        requireGroupAndUser(groupId, userId);
        access.require(Permissions.GROUPS_MANAGE);
        members.join(groupId, userId);
        access.forget();
    }

    /** Ends the user's membership; a non-member is left alone. */
    @Transactional
    void removeMember(GroupId groupId, UserId userId) {
        requireGroupAndUser(groupId, userId);
        access.require(Permissions.GROUPS_MANAGE);
        members.leave(groupId, userId);
        access.forget();
    }

    @Transactional
    GroupView grant(GroupId id, PermissionCode permission) {
        var group = groups.findWithPermissions(id).orElseThrow(() -> NotFound.group(id));
        access.require(Permissions.GROUPS_MANAGE);
        group.grant(permission);
        access.forget();
        return GroupView.of(group, members.countMembers(id));
    }

    @Transactional
    GroupView revoke(GroupId id, PermissionCode permission) {
        var group = groups.findWithPermissions(id).orElseThrow(() -> NotFound.group(id));
        access.require(Permissions.GROUPS_MANAGE);
        group.revoke(permission);
        access.forget();
        return GroupView.of(group, members.countMembers(id));
    }

    private void requireGroupAndUser(GroupId groupId, UserId userId) {
        if (groups.findById(groupId).isEmpty()) {
            throw NotFound.group(groupId);
        }
        if (!users.exists(userId)) {
            throw NotFound.user(userId);
        }
    }
}
