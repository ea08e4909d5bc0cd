package org.usermodels.user.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.usermodels.platform.domain.UserId;
import org.usermodels.user.identity.IdentityDirectory.Identity;

/**
 * How the members of an organization are listed for the reconciler ({@link KeycloakIdentityDirectory#listAll}):
 * by offset pages whose order the server need not keep, so that a listing may repeat some members and miss
 * others. It is trusted only when it found as many distinct members as the organization has.
 */
class MemberListingTest {

    static final List<Identity> MEMBERS = IntStream.range(0, 250)
            .mapToObj(n -> new Identity(UserId.of(UUID.randomUUID()), "member-" + n, null, null, null, true))
            .toList();

    /** Pages of a stable order. */
    static List<Identity> page(List<Identity> order, int first) {
        return order.subList(
                Math.min(first, order.size()), Math.min(first + KeycloakIdentityDirectory.PAGE, order.size()));
    }

    /** Pages whose order changes between statements: the second page repeats half of the first's members. */
    static List<Identity> shiftingPage(int first) {
        var shifted = new ArrayList<>(MEMBERS);
        if (first > 0) {
            Collections.rotate(shifted, KeycloakIdentityDirectory.PAGE / 2);
        }
        return page(shifted, first);
    }

    @Test
    void aStableListingIsEveryMemberOnce() {
        var listed = KeycloakIdentityDirectory.listAll("acme", () -> MEMBERS.size(), first -> page(MEMBERS, first));

        assertThat(listed).containsExactlyElementsOf(MEMBERS);
    }

    @Test
    void aListingThatMissedMembersIsTakenAgain() {
        var attempts = new AtomicInteger();
        IntFunction<List<Identity>> pages = first -> {
            if (first == 0) {
                attempts.incrementAndGet();
            }
            return attempts.get() == 1 ? shiftingPage(first) : page(MEMBERS, first);
        };

        var listed = KeycloakIdentityDirectory.listAll("acme", () -> MEMBERS.size(), pages);

        assertThat(attempts).hasValue(2);
        assertThat(listed).containsExactlyInAnyOrderElementsOf(MEMBERS);
    }

    @Test
    void aListingThatKeepsMissingMembersIsRefusedSoNothingIsReconciledFromIt() {
        var counts = new AtomicInteger();
        var distinct = shiftingListing();

        assertThat(distinct).as("the shifting pages miss members").isLessThan(MEMBERS.size());
        assertThatThrownBy(() -> KeycloakIdentityDirectory.listAll(
                        "acme",
                        () -> {
                            counts.incrementAndGet();
                            return MEMBERS.size();
                        },
                        MemberListingTest::shiftingPage))
                .isInstanceOf(IdentityUnavailable.class);
        assertThat(counts).hasValue(KeycloakIdentityDirectory.LISTING_ATTEMPTS);
    }

    private static long shiftingListing() {
        var seen = new HashSet<UserId>();
        for (var first = 0; ; first += KeycloakIdentityDirectory.PAGE) {
            var found = shiftingPage(first);
            found.forEach(member -> seen.add(member.id()));
            if (found.size() < KeycloakIdentityDirectory.PAGE) {
                return seen.size();
            }
        }
    }
}
