package org.usermodels.user.account;

import jakarta.persistence.EntityManager;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every user of the current tenant, one at a time, for an export: Django's {@code iterator()} in JPA. One
 * query, read from the database a fetch of rows at a time ({@code Users.streamAll}), each user handed over and
 * then detached, so that the persistence context (and the memory) stays the size of one user however many the
 * tenant has. Without the {@code detach}, the context would keep every user read, and their snapshots
 * (docs/performance.md, "Streaming").
 */
@Service
public class UserExport {

    private final Users users;
    private final EntityManager entityManager;

    UserExport(Users users, EntityManager entityManager) {
        this.users = users;
        this.entityManager = entityManager;
    }

    /**
     * Hands every user of the tenant to {@code sink}, by username.
     *
     * @return how many users it handed over
     */
    @Transactional(readOnly = true)
    public long forEach(Consumer<UserView> sink) {
        var count = 0L;
        try (var stream = users.streamAll()) {
            for (var iterator = stream.iterator(); iterator.hasNext(); ) {
                var user = iterator.next();
                sink.accept(UserView.of(user));
                entityManager.detach(user);
                count++;
            }
        }
        return count;
    }
}
