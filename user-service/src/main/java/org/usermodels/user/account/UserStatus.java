package org.usermodels.user.account;

/** Whether a user may log in. A disabled user is kept with all their data; a deleted one is gone. */
public enum UserStatus {
    ACTIVE,
    DISABLED
}
