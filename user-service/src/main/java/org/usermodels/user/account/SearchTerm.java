package org.usermodels.user.account;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a client typed into the search, as the search's SQL takes it: the term itself, for pg_trgm's word
 * similarity, and a {@code LIKE} pattern that finds it anywhere, its own {@code %}, {@code _} and {@code \}
 * escaped.
 *
 * <p>And how the search decides between its two shapes ({@link UserSpecifications#matching}). A term most
 * users match ("acme", the domain of every email) is best served by walking the tenant's users in the page's
 * order and testing each: a page of 20 is found after a few dozen rows, where looking up all matches by index
 * would read and sort the whole tenant (2.2 s at 100,000 users). A rare term is the other way round: the walk
 * would read the whole tenant, the index a handful of rows. In between, the tenant's size decides: a term one
 * user in fifty matches is walked in a tenant of 100,000 users (some 1,000 rows, where the lookup would sort
 * 2,000 matches) and looked up in a tenant of 1,000 (20 matches). What the search knows of both, it learns from
 * one {@link Sample} of the tenant, and {@link #walks} weighs the two costs as docs/performance.md measured
 * them ("Many matches").
 */
public record SearchTerm(String term) {

    /** How many of the tenant's users are tested to judge how many match. */
    public static final int SAMPLE = 64;

    /**
     * What the two shapes cost, in microseconds, measured on the benchmark's database (109,000 users, two
     * cores): the walk about 18 per row it reads; the lookup about 8,000 to start (the trigram index covers every
     * tenant) and 40 per match it fetches and sorts.
     */
    static final double WALK_PER_ROW = 18, LOOKUP_FIXED = 8_000, LOOKUP_PER_MATCH = 40;

    public SearchTerm {
        term = term.strip();
    }

    /** The {@code LIKE} pattern of the term: {@code %term%}, with the term's own wildcards escaped. */
    public String pattern() {
        return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /**
     * The first {@link #SAMPLE} users of the tenant by id, tested against the term: how many there were, how
     * many matched, and the last (greatest) id among them. User ids are random (version 4 UUIDs, from this
     * service or from Keycloak), so these are any users, and the last id tells the tenant's size as well: the
     * k-th smallest of n random ids lies about k / n of the way through the ids' range, so n is about
     * (k − 1) divided by that fraction, within some 12 % for k = 64. One statement of 64 rows, whatever the
     * tenant's size, and no count to keep.
     *
     * @param tested users sampled: {@link #SAMPLE}, or all of a smaller tenant
     * @param matched sampled users the term matches
     * @param last the greatest sampled id, {@code null} for a tenant without users
     */
    public record Sample(
            long tested, long matched, @Nullable UUID last) {

        /** About how many users the tenant has: exactly {@link #tested()} when the sample took them all. */
        public long tenantSize() {
            if (tested < SAMPLE || last == null) {
                return tested;
            }
            // the 48 bits before the version nibble are random in a version 4 UUID; PostgreSQL orders uuids
            // byte by byte, so these bits place the id in the range as the index orders it
            var fraction = (double) ((last.getMostSignificantBits() >>> 16) + 1) / (1L << 48);
            return Math.max(tested, Math.round((tested - 1) / fraction));
        }

        /**
         * A cautious share of the tenant the term matches: one match fewer than the sample saw, because the
         * costly mistake is walking for a rare term (the walk may read the whole tenant), and a term that one user
         * in a hundred has turns up twice in 64 users more often than one would think (one time in seven).
         */
        double share() {
            return tested == 0 ? 0 : Math.max(matched - 1, 0) / (double) tested;
        }
    }

    /**
     * Whether a page of {@code limit} users is found sooner by walking the tenant in the page's order than by
     * looking up every match: the walk reads about {@code limit / share} rows (at most the tenant), the lookup
     * fetches and sorts {@code share × size} matches.
     */
    public static boolean walks(Sample sample, int limit) {
        var size = sample.tenantSize();
        var share = sample.share();
        var rowsWalked = share == 0 ? size : Math.min(size, limit / share);
        return WALK_PER_ROW * rowsWalked <= LOOKUP_FIXED + LOOKUP_PER_MATCH * share * size;
    }
}
