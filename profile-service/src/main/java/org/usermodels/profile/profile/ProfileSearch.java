package org.usermodels.profile.profile;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.usermodels.platform.web.FieldProblem;
import org.usermodels.platform.web.InvalidRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finding profiles: by department, by skill and minimum level, by words in the display name, a page at a
 * time with a keyset cursor. One statement per page, whatever its size.
 */
@Service
class ProfileSearch {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 200;
    /** The longest search term and filter value. */
    static final int MAX_TERM = 200;
    /** The longest cursor this API gives out, with room to spare. */
    static final int MAX_CURSOR = 1024;

    static final Sort ORDER = Sort.by(Sort.Order.asc("createdAt"), Sort.Order.asc("userId"));

    private final Profiles profiles;
    private final JsonMapper json;

    ProfileSearch(Profiles profiles, JsonMapper json) {
        this.profiles = profiles;
        this.json = json;
    }

    record Query(
            @Nullable String department,
            @Nullable String skill,
            @Nullable Integer minLevel,
            @Nullable String q,
            @Nullable Integer limit,
            @Nullable String cursor) {}

    /** A profile in a list. */
    record Summary(
            UUID userId,

            @Schema(allowableValues = {"basic", "customer", "staff", "partner"})
            String kind,

            @Schema(maxLength = 100) @Nullable String displayName,
            @Schema(maxLength = 100) @Nullable String department,
            @Schema(maxLength = 100) @Nullable String title) {

        static Summary of(Profile profile) {
            return profile.summary();
        }
    }

    record Page(
            @ArraySchema(maxItems = MAX_LIMIT) List<Summary> items,

            @Schema(maxLength = MAX_CURSOR, description = "The cursor of the next page; absent on the last") @Nullable String next) {}

    @Transactional(readOnly = true)
    Page search(Query query) {
        var problems = new ArrayList<FieldProblem>();
        var limit = query.limit() == null ? DEFAULT_LIMIT : query.limit();
        if (limit < 1 || limit > MAX_LIMIT) {
            problems.add(new FieldProblem("limit", "must be between 1 and " + MAX_LIMIT));
        }
        if (query.minLevel() != null && (query.minLevel() < 1 || query.minLevel() > 5)) {
            problems.add(new FieldProblem("minLevel", "must be between 1 and 5"));
        }
        if (query.minLevel() != null && query.skill() == null) {
            problems.add(new FieldProblem("minLevel", "applies together with skill"));
        }
        for (var parameter :
                new String[][] {{"department", query.department()}, {"skill", query.skill()}, {"q", query.q()}}) {
            if (parameter[1] != null && parameter[1].length() > MAX_TERM) {
                problems.add(new FieldProblem(parameter[0], "must be at most " + MAX_TERM + " characters"));
            }
        }
        ScrollPosition position = ScrollPosition.keyset();
        if (query.cursor() != null && query.cursor().length() > MAX_CURSOR) {
            problems.add(new FieldProblem("cursor", "is not a cursor this API gave out"));
        } else if (query.cursor() != null) {
            position = decode(query.cursor(), problems);
        }
        if (!problems.isEmpty()) {
            throw InvalidRequest.of(problems);
        }
        var specification = Specification.<Profile>unrestricted();
        if (query.department() != null) {
            var department = query.department();
            specification = specification.and((root, q, cb) -> cb.equal(
                    cb.lower(cb.treat(root, StaffProfile.class).get(StaffProfile_.department)),
                    department.toLowerCase(Locale.ROOT)));
        }
        if (query.skill() != null) {
            var skill = query.skill();
            int minLevel = query.minLevel() == null ? 1 : query.minLevel();
            specification = specification.and((root, q, cb) -> {
                // exists: what the subquery selects is never read, so it selects the rating it found
                var ratings = q.subquery(Short.class);
                var rating = ratings.from(ProfileSkill.class);
                ratings.select(rating.get(ProfileSkill_.level))
                        .where(
                                cb.equal(
                                        rating.get(ProfileSkill_.profile).get(Profile_.userId),
                                        root.get(Profile_.userId)),
                                cb.equal(
                                        cb.lower(rating.get(ProfileSkill_.skill).get(Skill_.name)),
                                        skill.toLowerCase(Locale.ROOT)),
                                cb.ge(rating.get(ProfileSkill_.level), (short) minLevel));
                return cb.exists(ratings);
            });
        }
        if (query.q() != null && !query.q().isBlank()) {
            var words = "%"
                    + query.q()
                            .strip()
                            .toLowerCase(Locale.ROOT)
                            .replace("%", "\\%")
                            .replace("_", "\\_") + "%";
            specification =
                    specification.and((root, q, cb) -> cb.like(cb.lower(root.get(Profile_.displayName)), words, '\\'));
        }
        var start = position;
        var window = profiles.findBy(
                specification, fluent -> fluent.sortBy(ORDER).limit(limit).scroll(start));
        var items = window.getContent().stream().map(Summary::of).toList();
        String next = null;
        if (window.hasNext() && !window.isEmpty()) {
            next = encode((KeysetScrollPosition) window.positionAt(window.size() - 1));
        }
        return new Page(items, next);
    }

    private String encode(KeysetScrollPosition position) {
        var keys = new LinkedHashMap<String, String>();
        position.getKeys().forEach((key, value) -> keys.put(key, String.valueOf(value)));
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(json.writeValueAsString(keys).getBytes(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private ScrollPosition decode(String cursor, List<FieldProblem> problems) {
        try {
            Map<String, String> keys = json.readValue(Base64.getUrlDecoder().decode(cursor), Map.class);
            var position = new LinkedHashMap<String, Object>();
            position.put("createdAt", Instant.parse(keys.get("createdAt")));
            position.put("userId", UUID.fromString(keys.get("userId")));
            return ScrollPosition.forward(position);
        } catch (RuntimeException e) {
            problems.add(new FieldProblem("cursor", "is not a cursor this API gave out"));
            return ScrollPosition.keyset();
        }
    }
}
