package org.usermodels.user.account;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.usermodels.platform.domain.UserId;
import org.usermodels.platform.tenancy.TenantContext;
import org.usermodels.platform.web.InvalidRequest;
import org.usermodels.user.access.Access;
import org.usermodels.user.access.GroupAdministration;
import org.usermodels.user.attribute.TenantAttributes;
import org.usermodels.user.identity.IdentityConflict;
import org.usermodels.user.identity.IdentityDirectory;
import org.usermodels.user.identity.IdentityDirectory.NewIdentity;
import org.usermodels.user.identity.IdentityDirectory.PlannedIdentity;

/**
 * What a platform administrator can do about the current tenant's deleted users: list them and bring one back.
 * Both go through {@link DeletedUsers}, the one way past {@link User}'s {@code @SQLRestriction}
 * (docs/repositories.md).
 *
 * <p>A restored user is the user that was deleted: the same id, type, names, attributes and type details. Like a
 * registration, a restore creates the identity in Keycloak first (with the same id, by partial import, and without
 * a password: the user chooses a new one at their next login) and then, in one local transaction, brings the row
 * back, enrols the user in the tenant's {@code members} group and records {@code UserRestored}, from which
 * profile-service starts an empty profile. What the deletion ended stays ended: the old profile, the other
 * groups and the grants, which went with the deletion.
 */
@Service
public class UserRestoration {

    private static final Logger log = LoggerFactory.getLogger(UserRestoration.class);

    /** The most deleted users one page lists. */
    public static final int MAX_LIMIT = 100;

    /** The longest cursor this API gives out, with room to spare. */
    public static final int MAX_CURSOR = 120;

    private final Users users;
    private final GroupAdministration groups;
    private final Access access;
    private final TenantAttributes attributes;
    private final UserAttributeValues values;
    private final IdentityDirectory identities;
    private final TransactionTemplate transactions;

    UserRestoration(
            Users users,
            GroupAdministration groups,
            Access access,
            TenantAttributes attributes,
            UserAttributeValues values,
            IdentityDirectory identities,
            TransactionTemplate transactions) {
        this.users = users;
        this.groups = groups;
        this.access = access;
        this.attributes = attributes;
        this.values = values;
        this.identities = identities;
        this.transactions = transactions;
    }

    /** A page of deleted users and the cursor of the next, {@code null} on the last page. */
    @Schema(name = "DeletedUsersPage")
    public record Page(
            @ArraySchema(maxItems = MAX_LIMIT) List<DeletedUserView> items,

            @Schema(maxLength = MAX_CURSOR, description = "The cursor of the next page; absent on the last") @Nullable String next) {}

    /**
     * The tenant's deleted users, the most recently deleted first.
     *
     * @param cursor a page's {@code next}, or {@code null} for the first page
     * @throws InvalidRequest (400) for a cursor this API did not give out
     */
    public Page deleted(@Nullable String cursor, int limit) {
        var after = cursor == null ? null : decode(cursor);
        var rows = Objects.requireNonNull(
                transactions.execute(status -> users.deleted(after, limit + 1)), "a list, maybe empty");
        if (rows.size() <= limit) {
            return new Page(rows, null);
        }
        var items = rows.subList(0, limit);
        return new Page(List.copyOf(items), encode(items.getLast().position()));
    }

    /**
     * Brings a deleted user of the current tenant back.
     *
     * @throws NotFound (404) if the tenant has no deleted user with this id, whichever tenant might
     * @throws Conflict (409) when another user has taken the username, the email address or a unique attribute
     *     value since the deletion, or the tenant's attributes changed so that the user's no longer fit
     * @throws IdentityConflict (409) when Keycloak has another identity with the username or email
     * @throws org.usermodels.user.identity.IdentityUnavailable (503) when Keycloak does not answer; nothing
     *     changed then
     */
    public UserView restore(UserId id) {
        var organization = TenantContext.require().tenantId();
        var deleted = Objects.requireNonNull(transactions.execute(status -> {
            var user = users.findDeleted(id).orElseThrow(() -> NotFound.deletedUser(id));
            requireNamesStillFree(user);
            return user;
        }));
        var type = UserType.fromCode(deleted.type()).orElseThrow();
        var created = identities.createMember(
                organization,
                new PlannedIdentity(
                        id,
                        new NewIdentity(
                                deleted.username(),
                                deleted.email(),
                                deleted.firstName(),
                                deleted.lastName(),
                                null,
                                type.realmRole())));
        try {
            return Objects.requireNonNull(transactions.execute(status -> bringBack(id)));
        } catch (RuntimeException failure) {
            if (created) {
                try {
                    identities.remove(id);
                } catch (RuntimeException e) {
                    failure.addSuppressed(e);
                    log.error("Identity {} exists in Keycloak for a user still deleted here", id, e);
                }
            }
            throw UniqueViolations.translate(failure);
        }
    }

    private UserView bringBack(UserId id) {
        if (!users.undelete(id)) {
            throw NotFound.deletedUser(id); // restored or purged meanwhile
        }
        var user = users.findById(id).orElseThrow();
        var schema = attributes.schema();
        var checked = schema.check(user.attributes());
        if (!checked.valid()) {
            throw Conflict.attributesChanged(checked.problems());
        }
        schema.uniqueNames().forEach(values::lockUnique);
        var taken = values.uniquenessProblems(schema, checked.values(), id);
        if (!taken.isEmpty()) {
            throw Conflict.takenSinceDeletion(
                    taken.getFirst().field(), "value of " + taken.getFirst().field());
        }
        user.restored();
        users.save(user); // with the UserRestored it recorded
        users.flush(); // the row first: the membership refers to it
        groups.enrol(List.of(id), Set.of());
        log.info("Restored {} user {} ({})", user.type().code(), id, user.username());
        return UserView.of(user, access.standing(id));
    }

    /** The partial unique indexes let another user take a deleted user's username or email; then no restore. */
    private void requireNamesStillFree(DeletedUserView user) {
        if (!users.takenUsernames(List.of(user.username().toLowerCase(Locale.ROOT)))
                .isEmpty()) {
            throw Conflict.takenSinceDeletion("username", "username");
        }
        var email = user.email();
        if (email != null
                && !users.takenEmails(List.of(email.toLowerCase(Locale.ROOT))).isEmpty()) {
            throw Conflict.takenSinceDeletion("email", "email address");
        }
    }

    private static String encode(DeletedUserView.Position position) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((position.deletedAt() + "~" + position.id()).getBytes(StandardCharsets.UTF_8));
    }

    private static DeletedUserView.Position decode(String cursor) {
        try {
            var parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("~", -1);
            if (cursor.length() <= MAX_CURSOR && parts.length == 2) {
                return new DeletedUserView.Position(Instant.parse(parts[0]), UUID.fromString(parts[1]));
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            // answered below, as every other malformed cursor
        }
        throw InvalidRequest.field("cursor", "is not a cursor this API gave out");
    }
}
