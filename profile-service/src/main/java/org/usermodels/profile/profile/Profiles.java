package org.usermodels.profile.profile;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.usermodels.platform.domain.UserId;

/** The profiles of the current tenant: the session's connection points at the tenant's schema. */
interface Profiles extends Repository<Profile, UserId>, JpaSpecificationExecutor<Profile> {

    Optional<Profile> findById(UserId userId);

    <T extends Profile> T save(T profile);

    void delete(Profile profile);

    void flush();

    /** A profile with its addresses, in one statement. */
    @Query("select p from Profile p left join fetch p.addresses where p.userId = :userId")
    Optional<Profile> findWithAddresses(UserId userId);

    /** A staff profile with its manager, in one statement. */
    @Query("select s from StaffProfile s left join fetch s.manager where s.userId = :userId")
    Optional<StaffProfile> findStaff(UserId userId);

    /** A staff member's skills with their names, in one statement. */
    @Query("""
            select new org.usermodels.profile.profile.ProfileView$SkillLevel(r.skill.name, r.level)
            from ProfileSkill r
            where r.profile.userId = :userId
            order by lower(r.skill.name)
            """)
    List<ProfileView.SkillLevel> skillsOf(UserId userId);

    /**
     * Creates an empty basic profile unless the user has one, in one statement that is safe when two first
     * requests race.
     */
    @Modifying
    @Query(nativeQuery = true, value = """
                    insert into profiles (user_id, kind, display_name)
                    values (:userId, 'basic', :displayName)
                    on conflict (user_id) do nothing
                    """)
    int createBasicIfAbsent(UserId userId, @Nullable String displayName);

    /**
     * Turns a basic profile into one of another kind. In a SINGLE_TABLE hierarchy that is one UPDATE of the
     * discriminator, which the ORM cannot express (an object cannot change its class), so it is SQL, run
     * before the profile is loaded.
     */
    @Modifying(clearAutomatically = true)
    @Query(
            nativeQuery = true,
            value =
                    "update profiles set kind = :kind, version = version + 1 where user_id = :userId and kind = 'basic'")
    int promote(UserId userId, String kind);

    /**
     * Whether {@code userId} is {@code manager} or above them in the chain of managers: making {@code manager}
     * the user's manager would then close a cycle. One recursive statement.
     */
    @Query(nativeQuery = true, value = """
                    with recursive chain(user_id, depth) as (
                        select cast(:manager as uuid), 0
                        union all
                        select p.manager_id, c.depth + 1
                        from profiles p
                        join chain c on p.user_id = c.user_id
                        where p.manager_id is not null and c.depth < 10000
                    )
                    select exists (select 1 from chain where user_id = :userId)
                    """)
    boolean inManagementChain(UserId userId, UserId manager);

    /** Serialises changes of managers in the tenant until the transaction ends, so that no two close a cycle. */
    @Query(
            nativeQuery = true,
            value = "select 1 from (select pg_advisory_xact_lock(hashtext(current_schema() || ':managers'))) l")
    Integer lockManagers();
}
