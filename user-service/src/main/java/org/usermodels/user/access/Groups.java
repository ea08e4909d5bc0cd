package org.usermodels.user.access;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** The groups of the current tenant. */
interface Groups extends Repository<Group, GroupId> {

    Optional<Group> findById(GroupId id);

    Optional<Group> findByName(String name);

    /** The groups of these names the tenant has. */
    List<Group> findByNameIn(Collection<String> names);

    boolean existsByNameIgnoreCase(String name);

    Group save(Group group);

    void delete(Group group);

    /** Every group with its number of members, in one statement. */
    @Query("""
            select new org.usermodels.user.access.GroupView$Summary(g.id, g.name, count(m.id.userId), g.createdAt)
            from Group g
            left join Membership m on m.id.groupId = g.id
            group by g.id, g.name, g.createdAt
            order by lower(g.name)
            """)
    List<GroupView.Summary> summaries();

    /** A group with its permissions and number of members, in one statement. */
    @Query("""
            select g from Group g
            left join fetch g.permissions
            where g.id = :id
            """)
    Optional<Group> findWithPermissions(GroupId id);

    @Query("select count(g) from Group g")
    long countAll();

    /**
     * Serialises the creation of the tenant's groups until the transaction ends, so that the count checked
     * before a group is added stays true until it is.
     */
    @Query(
            nativeQuery = true,
            value =
                    "select 1 from (select pg_advisory_xact_lock(hashtextextended('groups:' || current_tenant(), 0))) lock")
    Integer lockForCreation();
}
