/**
 * Who may do what in a tenant: permission codes granted to groups and directly to users, and the effective
 * set of a user (direct ∪ through groups), read with one query.
 */
@NullMarked
package org.usermodels.user.access;

import org.jspecify.annotations.NullMarked;
