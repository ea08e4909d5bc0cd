/**
 * Who may do what in a tenant: the permission catalog, groups, who belongs to them, the permissions granted to
 * groups and to users directly, and the decision ({@link org.usermodels.user.access.Access}). A membership is a
 * row of its own that names the user by id; no user holds their groups and no group its members. Every question
 * (a caller's effective permissions, where a user stands) is one statement over this feature's tables only; the
 * users feature answers whether a user exists ({@link org.usermodels.user.access.TenantUsers}).
 */
@NullMarked
package org.usermodels.user.access;

import org.jspecify.annotations.NullMarked;
