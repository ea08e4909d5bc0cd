package org.usermodels.user.account;

import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * The users of the current tenant. Hibernate's {@code @TenantId} adds the tenant to every JPQL query;
 * row-level security does the same for the native ones.
 */
interface Users extends Repository<User, UUID>, JpaSpecificationExecutor<User> {

    Optional<User> findById(UUID id);

    /** A user with their groups, in one statement (the subclass's table is joined as well). */
    @Query("""
            select u from User u
            left join fetch u.groups
            where u.id = :id
            """)
    Optional<User> findWithGroups(UUID id);

    <T extends User> T save(T user);

    /** Writes pending changes now, e.g. to learn the new {@code @Version} before answering. */
    void flush();

    boolean existsByUsernameIgnoreCase(String username);

    @Query("select count(u) > 0 from User u where lower(u.email) = lower(:email) and u.id <> :except")
    boolean emailTaken(String email, UUID except);

    @Query("""
            select count(s) > 0 from StaffMember s
            where s.employeeNumber = :employeeNumber and s.id <> :except
            """)
    boolean employeeNumberTaken(String employeeNumber, UUID except);

    /**
     * Inserts the default-model row of a user unless the tenant already has it, in one statement that is
     * safe when two first requests of the same user race: the loser's insert does nothing.
     *
     * @return 1 if the row was inserted, 0 if it existed
     */
    @Modifying
    @Query(nativeQuery = true, value = """
                    insert into users (tenant_id, id, username, email, first_name, last_name)
                    values (current_tenant(), :id, lower(:username), :email, :firstName, :lastName)
                    on conflict (tenant_id, id) do nothing
                    """)
    int enrollIfAbsent(
            UUID id, String username, @Nullable String email, @Nullable String firstName, @Nullable String lastName);

    /**
     * The next value of one of the tenant's counters, starting at 1: one statement, gapless, and safe under
     * concurrency because the update locks the counter's row until the transaction ends.
     */
    @Query(nativeQuery = true, value = """
                    insert into tenant_counters (tenant_id, name, value)
                    values (current_tenant(), :counter, 1)
                    on conflict (tenant_id, name) do update set value = tenant_counters.value + 1
                    returning value
                    """)
    long nextCounterValue(String counter);
}
