package org.usermodels.user.account;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.query.NativeQuery;
import org.jspecify.annotations.Nullable;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.usermodels.platform.domain.UserId;

/**
 * {@link DeletedUsers} in native SQL: a query the entity takes part in would carry {@code deleted_at is null}
 * whatever it asks. Row-level security keeps these statements to the transaction's tenant, as it does every
 * native statement here; the partial index {@code users_deleted} serves the list and nothing else pays for it.
 * Spring Data finds this class by its name, the fragment's with {@code Impl}, and merges it into the
 * {@link Users} proxy.
 */
class DeletedUsersImpl implements DeletedUsers {

    private static final String COLUMNS =
            "select u.id, u.username, u.email, u.first_name, u.last_name, u.type, u.deleted_at from users u";

    private final EntityManager entityManager;

    /**
     * A fragment is built while the repositories are, before the context's shared {@code EntityManager} bean
     * exists; the factory is there, and the shared proxy made from it joins each transaction's session.
     */
    DeletedUsersImpl(EntityManagerFactory entityManagerFactory) {
        this.entityManager = SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory);
    }

    @Override
    public List<DeletedUserView> deleted(DeletedUserView.@Nullable Position after, int limit) {
        var query = after == null
                ? views(COLUMNS + """
                         where u.deleted_at is not null
                        order by u.deleted_at desc, u.id desc
                        fetch first :limit rows only
                        """)
                : views(COLUMNS + """
                         where u.deleted_at is not null and (u.deleted_at, u.id) < (:deletedAt, :id)
                        order by u.deleted_at desc, u.id desc
                        fetch first :limit rows only
                        """)
                        .setParameter("deletedAt", after.deletedAt())
                        .setParameter("id", after.id());
        return query.setParameter("limit", limit).getResultList();
    }

    @Override
    public Optional<DeletedUserView> findDeleted(UserId id) {
        return views(COLUMNS + " where u.id = :id and u.deleted_at is not null")
                .setParameter("id", id.value())
                .getResultStream()
                .findFirst();
    }

    @Override
    public boolean undelete(UserId id) {
        return entityManager
                        .createNativeQuery("""
                                update users set deleted_at = null, version = version + 1
                                where id = :id and deleted_at is not null
                                """)
                        .setParameter("id", id.value())
                        .executeUpdate()
                == 1;
    }

    @SuppressWarnings("unchecked")
    private NativeQuery<DeletedUserView> views(String sql) {
        return entityManager
                .createNativeQuery(sql)
                .unwrap(NativeQuery.class)
                .addScalar("id", UUID.class)
                .addScalar("username", String.class)
                .addScalar("email", String.class)
                .addScalar("first_name", String.class)
                .addScalar("last_name", String.class)
                .addScalar("type", String.class)
                .addScalar("deleted_at", Instant.class)
                .setTupleTransformer((row, aliases) -> new DeletedUserView(
                        (UUID) row[0],
                        (String) row[1],
                        (String) row[2],
                        (String) row[3],
                        (String) row[4],
                        (String) row[5],
                        (Instant) row[6]));
    }
}
