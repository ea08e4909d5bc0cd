package org.usermodels.user.account;

/**
 * What a client typed into the search, as the search's SQL takes it: the term itself, for pg_trgm's word
 * similarity, and a {@code LIKE} pattern that finds it anywhere, its own {@code %}, {@code _} and {@code \}
 * escaped.
 *
 * <p>And how the search decides between its two shapes ({@link UserSpecifications#matching}). A term most
 * users match ("acme", the domain of every email) is best served by walking the tenant's users in the page's
 * order and testing each: a page of 20 is found after a few dozen rows, where looking up all matches by index
 * would read and sort the whole tenant (2.2 s at 100,000 users). A rare term is the other way round: the walk
 * would read the whole tenant, the index a handful of rows. Which one a term is, the search learns from a
 * sample: {@link #SAMPLE} of the tenant's users, the first by id (ids are random, so these are any users), is
 * tested first. The walk reads about {@code limit × SAMPLE / hits} rows; it is taken when that is at most ten
 * rows per sampled user and at least {@link #MIN_MATCHES} sampled users matched ({@link #walks}). Measured in
 * docs/performance.md, "Many matches".
 */
public record SearchTerm(String term) {

    /** How many of the tenant's users are tested to judge how many match. */
    public static final int SAMPLE = 64;

    public SearchTerm {
        term = term.strip();
    }

    /** The {@code LIKE} pattern of the term: {@code %term%}, with the term's own wildcards escaped. */
    public String pattern() {
        return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /**
     * Whether a page of {@code limit} users is found sooner by walking the tenant in the page's order than by
     * looking up every match, given how many of the {@link #SAMPLE} sampled users matched.
     */
    public static boolean walks(long sampledMatches, int limit) {
        return sampledMatches * 10 >= limit && sampledMatches >= MIN_MATCHES;
    }

    /**
     * Fewer sampled matches than this say too little: a last name that one user in a hundred has turns up two
     * or three times in the same 64 users often enough (2 in a fifth of the names, at 10,000 users), and the walk
     * it would be given reads some 2,000 rows (35 ms) where the lookup takes 12. Four happen for such a name
     * about once in a hundred.
     */
    static final int MIN_MATCHES = 4;
}
