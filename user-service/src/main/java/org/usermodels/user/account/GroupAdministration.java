package org.usermodels.user.account;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.usermodels.platform.domain.UserId;
import org.usermodels.platform.tenancy.TenantContext;
import org.usermodels.user.access.Access;
import org.usermodels.user.access.PermissionCode;
import org.usermodels.user.access.Permissions;

/** The groups of the current tenant, their members and their permissions. */
@Service
public class GroupAdministration {

    /**
     * How many groups a tenant may have, the built-in ones included: a bound, so that the list of groups (one
     * response, not pages) and a user's groups stay of a size a client can take in one read.
     */
    public static final int MAX_GROUPS = 1_000;

    private final Groups groups;
    private final Users users;
    private final Access access;
    private final Clock clock;

    GroupAdministration(Groups groups, Users users, Access access, Clock clock) {
        this.groups = groups;
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
            var admins = new Group(TenantContext.require().id(), Group.ADMINS, clock.instant());
            Permissions.ALL.stream().map(PermissionCode::of).forEach(admins::grant);
            groups.save(admins);
        }
        if (groups.findByName(Group.MEMBERS).isEmpty()) {
            groups.save(new Group(TenantContext.require().id(), Group.MEMBERS, clock.instant()));
        }
    }

    @Transactional(readOnly = true)
    List<GroupView.Summary> list() {
        access.require(Permissions.USERS_VIEW);
        return groups.summaries();
    }

    @Transactional(readOnly = true)
    GroupView read(UUID id) {
        var group = groups.findWithPermissions(id).orElseThrow(() -> NotFound.group(id));
        access.require(Permissions.USERS_VIEW);
        return GroupView.of(group, groups.countMembers(id));
    }

    @Transactional
    GroupView create(String name) {
        access.require(Permissions.GROUPS_MANAGE);
        groups.lockForCreation();
        if (groups.countAll() >= MAX_GROUPS) {
            throw Conflict.tooManyGroups();
        }
        if (groups.existsByNameIgnoreCase(name)) {
            throw Conflict.groupNameTaken();
        }
        var group = groups.save(new Group(TenantContext.require().id(), name, clock.instant()));
        return GroupView.of(group, 0);
    }

    @Transactional
    GroupView rename(UUID id, String name) {
        var group = groups.findWithPermissions(id).orElseThrow(() -> NotFound.group(id));
        access.require(Permissions.GROUPS_MANAGE);
        if (group.builtIn()) {
            throw Conflict.builtInGroup(group.name());
        }
        if (!group.name().equalsIgnoreCase(name) && groups.existsByNameIgnoreCase(name)) {
            throw Conflict.groupNameTaken();
        }
        group.rename(name);
        return GroupView.of(group, groups.countMembers(id));
    }

    @Transactional
    void delete(UUID id) {
        var group = groups.findById(id).orElseThrow(() -> NotFound.group(id));
        access.require(Permissions.GROUPS_MANAGE);
        if (group.builtIn()) {
            throw Conflict.builtInGroup(group.name());
        }
        group.members().forEach(member -> member.leave(group));
        groups.delete(group);
    }

    /** Makes the user a member; a member already is one. */
    @Transactional
    void addMember(GroupId groupId, UserId userId) {
        var group = groups.findById(groupId.value()).orElseThrow(() -> NotFound.group(groupId.value()));
        var user = users.findWithGroups(userId.value()).orElseThrow(() -> NotFound.user(userId.value()));
        access.require(Permissions.GROUPS_MANAGE);
        user.join(group);
        access.forget();
    }

    /** Ends the user's membership; a non-member is left alone. */
    @Transactional
    void removeMember(GroupId groupId, UserId userId) {
        var group = groups.findById(groupId.value()).orElseThrow(() -> NotFound.group(groupId.value()));
        var user = users.findWithGroups(userId.value()).orElseThrow(() -> NotFound.user(userId.value()));
        access.require(Permissions.GROUPS_MANAGE);
        user.leave(group);
        access.forget();
    }

    @Transactional
    GroupView grant(GroupId groupId, PermissionCode permission) {
        var group = groups.findWithPermissions(groupId.value()).orElseThrow(() -> NotFound.group(groupId.value()));
        access.require(Permissions.GROUPS_MANAGE);
        group.grant(permission);
        access.forget();
        return GroupView.of(group, groups.countMembers(groupId.value()));
    }

    @Transactional
    GroupView revoke(GroupId groupId, PermissionCode permission) {
        var group = groups.findWithPermissions(groupId.value()).orElseThrow(() -> NotFound.group(groupId.value()));
        access.require(Permissions.GROUPS_MANAGE);
        group.revoke(permission);
        access.forget();
        return GroupView.of(group, groups.countMembers(groupId.value()));
    }
}
