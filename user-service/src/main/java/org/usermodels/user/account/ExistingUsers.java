package org.usermodels.user.account;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.usermodels.platform.domain.UserId;
import org.usermodels.user.access.TenantUsers;

/** What access asks of the users feature before it adds a membership or a grant: is this a user of the tenant? */
@Service
class ExistingUsers implements TenantUsers {

    private final Users users;

    ExistingUsers(Users users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean exists(UserId user) {
        return users.existsById(user);
    }
}
