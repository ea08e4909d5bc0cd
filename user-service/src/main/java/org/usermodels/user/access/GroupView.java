package org.usermodels.user.access;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A group as the API shows it. */
public record GroupView(
        UUID id,
        @Schema(maxLength = 100) String name,
        boolean builtIn,

        @ArraySchema(maxItems = 64, schema = @Schema(maxLength = 64, pattern = Permissions.PATTERN))
        List<String> permissions,

        @Schema(minimum = "0", maximum = "9223372036854775807")
        long members,

        Instant createdAt) {

    static GroupView of(Group group, long members) {
        return new GroupView(
                group.id().value(),
                group.name(),
                group.builtIn(),
                group.permissions().stream().sorted().toList(),
                members,
                group.createdAt());
    }

    /** A group in a list. */
    public record Summary(
            UUID id,
            @Schema(maxLength = 100) String name,

            @Schema(minimum = "0", maximum = "9223372036854775807")
            long members,

            Instant createdAt) {

        /** A summary as a query selects it ({@code select new}), from the group's typed id. */
        Summary(GroupId id, String name, long members, Instant createdAt) {
            this(id.value(), name, members, createdAt);
        }
    }

    /** A group a user belongs to. */
    public record Ref(UUID id, @Schema(maxLength = 100) String name) {}
}
