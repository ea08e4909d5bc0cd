package org.usermodels.user.account;

import jakarta.persistence.QueryHint;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hibernate.jpa.HibernateHints;
import org.jspecify.annotations.Nullable;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;
import org.springframework.data.repository.Repository;
import org.usermodels.platform.domain.UserId;

/**
 * The users of the current tenant. Hibernate's {@code @TenantId} adds the tenant to every JPQL query;
 * row-level security does the same for the native ones.
 */
interface Users extends Repository<User, UserId>, JpaSpecificationExecutor<User>, DeletedUsers {

    Optional<User> findById(UserId id);

    boolean existsById(UserId id);

    /**
     * The first {@link SearchTerm#SAMPLE} users of the tenant by id, tested against the search term row by row
     * as {@code search_text_matches} does: the sample {@link UserSearch} judges a term and the tenant's size by
     * ({@link SearchTerm.Sample}). The tenant is the policy's: row-level security restricts this native query,
     * and the index of its key {@code (tenant_id, id)} gives the tenant's first users in order.
     */
    default SearchTerm.Sample sample(SearchTerm term) {
        var row = sampleRow(term.pattern(), term.term(), SearchTerm.SAMPLE);
        return new SearchTerm.Sample(row.getTested(), row.getMatched(), row.getLast());
    }

    /** One row of {@link #sample}'s query. */
    interface SampleRow {
        long getTested();

        long getMatched();

        @Nullable UUID getLast();
    }

    @Query(nativeQuery = true, value = """
            select count(*) as tested,
                   count(*) filter (where s.search_text like f_unaccent(lower(:pattern)) escape '\\'
                                       or f_unaccent(lower(:term)) <% s.search_text) as matched,
                   (array_agg(s.id order by s.id desc))[1] as last
            from (select u.id, u.search_text from users u
                  where u.deleted_at is null
                  order by u.id
                  fetch first :sample rows only) s
            """)
    SampleRow sampleRow(String pattern, String term, int sample);

    /**
     * Every user of the tenant by username, read from the database 500 rows at a time
     * and read-only (no snapshots for dirty checking): for {@link UserExport}, which detaches each user after
     * use. The index {@code users_by_username} gives the order, so the first rows come before the last are read.
     */
    @QueryHints({
        @QueryHint(name = HibernateHints.HINT_FETCH_SIZE, value = "500"),
        @QueryHint(name = HibernateHints.HINT_READ_ONLY, value = "true")
    })
    @Query("select u from User u order by lower(u.username), u.id")
    Stream<User> streamAll();

    <T extends User> T save(T user);

    /** Writes pending changes now, e.g. to learn the new {@code @Version} before answering. */
    void flush();

    /** Whether another user of the tenant has the address, whatever its case. */
    @Query("""
            select count(u) > 0 from User u
            where lower(u.email) = lower(:#{#email.value()}) and u.id <> :except
            """)
    boolean emailTaken(EmailAddress email, UserId except);

    /**
     * Which of these ids the tenant's users have. (Through an interface projection: a query declared to return
     * {@code List<UserId>} would be taken by Spring Data for a DTO projection, a record to construct.)
     */
    default Set<UserId> existing(Collection<UserId> ids) {
        return findByIdIn(ids).stream().map(IdOnly::getId).collect(Collectors.toSet());
    }

    /** A user's id alone: the select list of {@link #findByIdIn}. */
    interface IdOnly {
        UserId getId();
    }

    List<IdOnly> findByIdIn(Collection<UserId> ids);

    /** Which of these lower-case usernames users of the tenant hold (one statement for a whole batch). */
    @Query("select lower(u.username) from User u where lower(u.username) in :usernames")
    List<String> takenUsernames(Collection<String> usernames);

    /** Which of these lower-case email addresses users of the tenant hold. */
    @Query("select lower(u.email) from User u where lower(u.email) in :emails")
    List<String> takenEmails(Collection<String> emails);

    /** Which of these employee numbers staff members of the tenant hold. */
    @Query("select s.employeeNumber from StaffMember s where s.employeeNumber in :numbers")
    List<String> takenEmployeeNumbers(Collection<String> numbers);

    @Query("""
            select count(s) > 0 from StaffMember s
            where s.employeeNumber = :employeeNumber and s.id <> :except
            """)
    boolean employeeNumberTaken(String employeeNumber, UserId except);

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
            UserId id, String username, @Nullable String email, @Nullable String firstName, @Nullable String lastName);

    /**
     * Records the users' last calls ({@link LastCalls}): ids and times side by side, one statement for the
     * tenant's batch. A later time only: notes written out of order never move {@code last_login} back. Neither
     * the version nor the event sequence changes, as a call is no edit of the user.
     *
     * @return how many users' rows changed
     */
    @Modifying
    @Query(nativeQuery = true, value = """
                    update users u set last_login = c.at
                    from unnest(cast(:ids as uuid[]), cast(:times as timestamptz[])) as c(id, at)
                    where u.id = c.id and u.deleted_at is null and (u.last_login is null or u.last_login < c.at)
                    """)
    int recordCalls(String[] ids, String[] times);

    /**
     * Reserves the next {@code count} values of one of the tenant's counters (starting at 1) and answers the
     * last of them: one statement, gapless, and safe under concurrency because the update locks the counter's
     * row until the transaction ends. The values are {@code last - count + 1} to {@code last}.
     */
    @Query(nativeQuery = true, value = """
                    insert into tenant_counters (tenant_id, name, value)
                    values (current_tenant(), :counter, :count)
                    on conflict (tenant_id, name) do update set value = tenant_counters.value + :count
                    returning value
                    """)
    long reserveCounterValues(String counter, int count);
}
