package org.usermodels.user.account;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A group as the API shows it. */
public record GroupView(
        UUID id, String name, boolean builtIn, List<String> permissions, long members, Instant createdAt) {

    static GroupView of(Group group, long members) {
        return new GroupView(
                group.id(),
                group.name(),
                group.builtIn(),
                group.permissions().stream().sorted().toList(),
                members,
                group.createdAt());
    }

    /** A group in a list. */
    public record Summary(UUID id, String name, long members, Instant createdAt) {}

    /** A group a user belongs to. */
    public record Ref(UUID id, String name) {}
}
