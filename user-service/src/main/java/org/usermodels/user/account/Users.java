package org.usermodels.user.account;

import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** All users of all tenants; every method names the tenant it works in. */
interface Users extends Repository<User, UUID> {

    /**
     * Inserts the default-model row of a user unless the tenant already has it, in one statement that is
     * safe when two first requests of the same user race: the loser's insert does nothing.
     *
     * @return 1 if the row was inserted, 0 if it existed
     */
    @Modifying
    @Query(nativeQuery = true, value = """
                    insert into users (tenant_id, id, username, email, first_name, last_name)
                    values (:tenantId, :id, :username, :email, :firstName, :lastName)
                    on conflict (tenant_id, id) do nothing
                    """)
    int enrollIfAbsent(
            UUID tenantId,
            UUID id,
            String username,
            @Nullable String email,
            @Nullable String firstName,
            @Nullable String lastName);

    @Query("""
            select u from User u
            where u.tenantId = :tenantId and u.id = :id
            """)
    Optional<User> findInTenant(UUID tenantId, UUID id);

    long countByTenantId(UUID tenantId);
}
