package org.usermodels.user.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

import java.util.Comparator;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** How the search judges a term and a tenant from its sample, and which shape it takes for them. */
class SearchTermTest {

    /** PostgreSQL's order of uuids: byte by byte, unsigned. */
    private static final Comparator<UUID> POSTGRESQL_ORDER = (left, right) -> {
        var most = Long.compareUnsigned(left.getMostSignificantBits(), right.getMostSignificantBits());
        return most != 0 ? most : Long.compareUnsigned(left.getLeastSignificantBits(), right.getLeastSignificantBits());
    };

    @Test
    void theLastOfTheSampledIdsTellsTheTenantsSize() {
        for (var size : new int[] {1_000, 10_000, 100_000}) {
            var random = new Random(size);
            var errors = IntStream.range(0, 20)
                    .mapToDouble(tenant -> {
                        var last = Stream.generate(() -> randomId(random))
                                .limit(size)
                                .sorted(POSTGRESQL_ORDER)
                                .skip(SearchTerm.SAMPLE - 1)
                                .findFirst()
                                .orElseThrow();
                        var estimate = new SearchTerm.Sample(SearchTerm.SAMPLE, 0, last).tenantSize();
                        return (estimate - size) / (double) size;
                    })
                    .boxed()
                    .toList();
            // each estimate within a few standard errors (13 %), and no bias across twenty tenants
            assertThat(errors)
                    .as("%d users", size)
                    .allSatisfy(error -> assertThat(Math.abs(error)).isLessThan(0.45));
            assertThat(Math.abs(errors.stream()
                            .mapToDouble(Double::doubleValue)
                            .average()
                            .orElseThrow()))
                    .as("%d users", size)
                    .isLessThan(0.1);
        }
    }

    @Test
    void aTenantSmallerThanTheSampleIsCountedExactly() {
        assertThat(new SearchTerm.Sample(17, 3, UUID.randomUUID()).tenantSize()).isEqualTo(17);
        assertThat(new SearchTerm.Sample(0, 0, null).tenantSize()).isZero();
    }

    @Test
    void aTermMostUsersMatchIsWalkedInATenantOfAnySize() {
        for (var size : new long[] {1_000, 10_000, 100_000, 1_000_000}) {
            assertThat(SearchTerm.walks(sampleOf(size, 60), 21))
                    .as("%d users", size)
                    .isTrue();
        }
    }

    @Test
    void aTermNoSampledUserMatchesIsLookedUpUnlessTheTenantIsTiny() {
        for (var size : new long[] {1_000, 10_000, 100_000}) {
            assertThat(SearchTerm.walks(sampleOf(size, 0), 21))
                    .as("%d users", size)
                    .isFalse();
            assertThat(SearchTerm.walks(sampleOf(size, 1), 21))
                    .as("%d users", size)
                    .isFalse();
        }
        // 40 users are read sooner than the trigram index is
        assertThat(SearchTerm.walks(new SearchTerm.Sample(40, 0, UUID.randomUUID()), 21))
                .isTrue();
    }

    @Test
    void aTermAFewPerCentMatchIsWalkedInALargeTenantAndLookedUpInASmallOne() {
        // three of 64: walking finds 21 after some 670 rows (12 ms); looking up sorts 3 % of the tenant
        assertThat(SearchTerm.walks(sampleOf(1_000, 3), 21)).isFalse();
        assertThat(SearchTerm.walks(sampleOf(10_000, 3), 21)).isTrue();
        assertThat(SearchTerm.walks(sampleOf(100_000, 3), 21)).isTrue();
        // two of 64 is as often a term of one in a hundred: walked only where its matches are thousands
        assertThat(SearchTerm.walks(sampleOf(10_000, 2), 21)).isFalse();
        assertThat(SearchTerm.walks(sampleOf(100_000, 2), 21)).isTrue();
    }

    @Test
    void aLargerPageMakesTheWalkLonger() {
        assertThat(SearchTerm.walks(sampleOf(10_000, 3), 21)).isTrue();
        assertThat(SearchTerm.walks(sampleOf(10_000, 3), 201)).isFalse();
    }

    /** A full sample from a tenant of about {@code size} users, {@code matched} of them matching. */
    private static SearchTerm.Sample sampleOf(long size, long matched) {
        var fraction = (SearchTerm.SAMPLE - 1) / (double) size;
        var last = new UUID(((long) (fraction * (1L << 48)) << 16) | 0x4000L, 0x8000_0000_0000_0000L);
        var sample = new SearchTerm.Sample(SearchTerm.SAMPLE, matched, last);
        assertThat(sample.tenantSize()).isCloseTo(size, withPercentage(1));
        return sample;
    }

    private static UUID randomId(Random random) {
        var most = (random.nextLong() & ~0xF000L) | 0x4000L;
        var least = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(most, least);
    }
}
