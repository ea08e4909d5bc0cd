package org.usermodels.user.account;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A deleted user, as a platform administrator lists them before restoring one.
 *
 * @param type the user's type code: {@code user}, {@code customer}, {@code staff} or {@code partner}
 */
@Schema(name = "DeletedUser")
public record DeletedUserView(
        UUID id,
        @Schema(maxLength = 255) String username,
        @Schema(maxLength = 320) @Nullable String email,
        @Schema(maxLength = 255) @Nullable String firstName,
        @Schema(maxLength = 255) @Nullable String lastName,

        @Schema(allowableValues = {"user", "customer", "staff", "partner"})
        String type,

        Instant deletedAt) {

    /** Where a page of deleted users ended: the keyset of the list's order. */
    public record Position(Instant deletedAt, UUID id) {}

    Position position() {
        return new Position(deletedAt, id);
    }
}
