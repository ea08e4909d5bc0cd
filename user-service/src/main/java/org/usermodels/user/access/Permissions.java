package org.usermodels.user.access;

import java.util.List;

/** The permission codes of the catalog (table {@code permissions}, seeded by migration V2). */
public final class Permissions {

    /** Read every user of the tenant, search them and see statistics. */
    public static final String USERS_VIEW = "users.view";

    /** Create, change and delete users of the tenant. */
    public static final String USERS_MANAGE = "users.manage";

    /** Create, rename and delete groups, change their members and permissions. */
    public static final String GROUPS_MANAGE = "groups.manage";

    /** Define the tenant's custom user attributes. */
    public static final String ATTRIBUTES_MANAGE = "attributes.manage";

    /** Read every profile of the tenant (profile-service). */
    public static final String PROFILE_READ_ANY = "profile.read_any";

    /** Change every profile of the tenant (profile-service). */
    public static final String PROFILE_EDIT_ANY = "profile.edit_any";

    /** What every permission code looks like (the catalog's check constraint): {@code area.action}. */
    public static final String PATTERN = "^[a-z]+\\.[a-z_]+$";

    /** What a tenant's {@code admins} group is granted when the tenant is created: everything. */
    public static final List<String> ALL =
            List.of(USERS_VIEW, USERS_MANAGE, GROUPS_MANAGE, ATTRIBUTES_MANAGE, PROFILE_READ_ANY, PROFILE_EDIT_ANY);

    private Permissions() {}
}
