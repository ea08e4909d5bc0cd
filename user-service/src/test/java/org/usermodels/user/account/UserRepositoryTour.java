package org.usermodels.user.account;

import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Window;
import org.springframework.data.repository.NoRepositoryBean;
import org.springframework.data.repository.Repository;
import org.usermodels.platform.domain.UserId;

/**
 * The query methods docs/repositories.md compares, declared over the service's own {@link User} for the chapter's
 * tests alone ({@link RepositoriesSqlIT} builds it with {@code JpaRepositoryFactory}; {@code @NoRepositoryBean}
 * keeps the service's context from making a bean of it). The service's {@link Users} declares only what its
 * features call.
 */
@NoRepositoryBean
interface UserRepositoryTour extends Repository<User, UserId> {

    /** A closed interface projection: Spring Data selects these two columns and nothing else. */
    interface Names {
        String getUsername();

        String getLastName();
    }

    /** A DTO projection: a record whose constructor Spring Data calls through {@code select new}. */
    record Contact(String username, String email) {}

    List<Names> findByStatusAndLastNameIgnoreCaseOrderByUsername(UserStatus status, String lastName);

    /** A page: its rows, and a count of every row for {@code totalElements}. */
    Page<Names> findByStatus(UserStatus status, Pageable pageable);

    /** A slice: one row more than asked for, to know whether a next slice exists; no count. */
    Slice<Names> findSliceByStatus(UserStatus status, Pageable pageable);

    /** A window: keyset scrolling from a position, no offset and no count. */
    Window<Names> findFirst2ByStatusOrderByUsernameAsc(UserStatus status, ScrollPosition position);

    /** A dynamic projection: the caller names the shape. */
    <T> List<T> findByLastNameOrderByUsername(String lastName, Class<T> type);
}
