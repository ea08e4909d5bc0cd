package org.usermodels.user.account;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.usermodels.platform.tenancy.TenantContext;
import org.usermodels.platform.web.FieldProblem;
import org.usermodels.platform.web.InvalidRequest;
import org.usermodels.user.access.Access;
import org.usermodels.user.access.GroupId;
import org.usermodels.user.access.Permissions;
import org.usermodels.user.attribute.TenantAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Searching the tenant's users: filters built as Specifications from the JPA static metamodel, keyset
 * pagination (Spring Data's scrolling), and a cursor that stays right while users are added, because it
 * names the last row seen rather than a page number. One statement per page, whatever its size (and one
 * more, with a search term, for the sample that decides how to match it).
 */
@Service
class UserSearch {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 200;
    /** The longest search term: longer than any name, and short enough that its trigrams stay few. */
    static final int MAX_TERM = 200;
    /** The longest cursor this API gives out, with room to spare. */
    static final int MAX_CURSOR = 1024;

    static final Map<String, Sort> SORTS = Map.of(
            "username", Sort.by(Sort.Order.asc("username"), Sort.Order.asc("id")),
            "-username", Sort.by(Sort.Order.desc("username"), Sort.Order.desc("id")),
            "dateJoined", Sort.by(Sort.Order.asc("dateJoined"), Sort.Order.asc("id")),
            "-dateJoined", Sort.by(Sort.Order.desc("dateJoined"), Sort.Order.desc("id")));

    private final Users users;
    private final Access access;
    private final TenantAttributes attributes;
    private final JsonMapper json;

    UserSearch(Users users, Access access, TenantAttributes attributes, JsonMapper json) {
        this.users = users;
        this.access = access;
        this.attributes = attributes;
        this.json = json;
    }

    /**
     * What to look for; every field may be absent.
     *
     * @param q words to find in username, email and names, accent- and case-insensitively, also misspelt
     * @param attributeFilters {@code attr.<name>} parameters: exact values of searchable attributes
     */
    record Query(
            @Nullable String type,
            @Nullable String status,
            @Nullable UUID group,
            @Nullable String q,
            Map<String, String> attributeFilters,
            @Nullable String sort,
            @Nullable Integer limit,
            @Nullable String cursor) {}

    /** One page of users and the cursor of the next, {@code null} on the last page. */
    record Page(
            @ArraySchema(maxItems = MAX_LIMIT) List<UserView> items,

            @Schema(maxLength = MAX_CURSOR, description = "The cursor of the next page; absent on the last") @Nullable String next) {}

    @Transactional(readOnly = true)
    Page search(Query query) {
        access.require(Permissions.USERS_VIEW);
        var problems = new ArrayList<FieldProblem>();
        var sortKey = query.sort() == null ? "username" : query.sort();
        var sort = SORTS.get(sortKey);
        if (sort == null) {
            problems.add(new FieldProblem(
                    "sort", "must be one of " + SORTS.keySet().stream().sorted().toList()));
        }
        var limit = query.limit() == null ? DEFAULT_LIMIT : query.limit();
        if (limit < 1 || limit > MAX_LIMIT) {
            problems.add(new FieldProblem("limit", "must be between 1 and " + MAX_LIMIT));
        }
        if (query.q() != null && query.q().length() > MAX_TERM) {
            problems.add(new FieldProblem("q", "must be at most " + MAX_TERM + " characters"));
        }
        if (query.cursor() != null && query.cursor().length() > MAX_CURSOR) {
            problems.add(new FieldProblem("cursor", "is not a cursor this API gave out"));
        }
        var specification = filters(query, problems);
        ScrollPosition position = ScrollPosition.keyset();
        if (query.cursor() != null && query.cursor().length() <= MAX_CURSOR && sort != null) {
            position = decode(query.cursor(), sortKey, problems);
        }
        if (!problems.isEmpty()) {
            throw InvalidRequest.of(problems);
        }
        if (query.q() != null && !query.q().isBlank()) {
            specification = specification.and(matching(new SearchTerm(query.q()), limit));
        }
        var start = position;
        var order = Objects.requireNonNull(sort, "refused above when unknown");
        var window = users.findBy(
                specification, fluent -> fluent.sortBy(order).limit(limit).scroll(start));
        var items = window.getContent().stream().map(UserView::of).toList();
        String next = null;
        if (window.hasNext() && !window.isEmpty()) {
            next = encode(sortKey, (KeysetScrollPosition) window.positionAt(window.size() - 1));
        }
        return new Page(items, next);
    }

    /**
     * The term's test in the shape that finds a page soonest: filtered row by row along the page's index when
     * a sample of the tenant says that costs less, looked up in the trigram index when the matches are few for
     * the tenant's size ({@link SearchTerm#walks}). One statement for the sample, whatever the tenant's size.
     */
    private Specification<User> matching(SearchTerm term, int limit) {
        return UserSpecifications.matching(term, !SearchTerm.walks(users.sample(term), limit));
    }

    private Specification<User> filters(Query query, List<FieldProblem> problems) {
        var specification = Specification.<User>unrestricted();
        if (query.type() != null) {
            var type = UserType.fromCode(query.type());
            if (type.isEmpty()) {
                problems.add(new FieldProblem("type", "must be one of " + UserType.codes()));
            } else {
                specification = specification.and(UserSpecifications.ofType(type.get()));
            }
        }
        if (query.status() != null) {
            try {
                specification = specification.and(UserSpecifications.withStatus(UserStatus.valueOf(query.status())));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("status", "must be ACTIVE or DISABLED"));
            }
        }
        if (query.group() != null) {
            specification = specification.and(UserSpecifications.inGroup(new GroupId(query.group())));
        }
        if (!query.attributeFilters().isEmpty()) {
            var schema = attributes.schemaForFilters(TenantContext.require().id());
            for (var filter : query.attributeFilters().entrySet()) {
                try {
                    specification = specification.and(UserSpecifications.withAttributes(
                            schema.filterDocument(filter.getKey(), filter.getValue())));
                } catch (IllegalArgumentException e) {
                    problems.add(FieldProblem.of("attr." + filter.getKey(), e.getMessage()));
                }
            }
        }
        return specification;
    }

    private String encode(String sortKey, KeysetScrollPosition position) {
        var keys = new LinkedHashMap<String, Object>();
        position.getKeys().forEach((key, value) -> keys.put(key, value == null ? null : value.toString()));
        var document = Map.of("sort", sortKey, "keys", keys);
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(json.writeValueAsString(document).getBytes(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private ScrollPosition decode(String cursor, String sortKey, List<FieldProblem> problems) {
        try {
            var document = json.readValue(Base64.getUrlDecoder().decode(cursor), Map.class);
            if (!sortKey.equals(document.get("sort"))) {
                problems.add(new FieldProblem("cursor", "belongs to another sort order; start again without it"));
                return ScrollPosition.keyset();
            }
            var keys = new LinkedHashMap<String, Object>();
            Objects.requireNonNull((Map<String, String>) document.get("keys"), "keys")
                    .forEach((key, value) -> keys.put(
                            key,
                            switch (key) {
                                case "id" -> UUID.fromString(value);
                                case "dateJoined" -> Instant.parse(value);
                                case "username" -> value;
                                default -> throw new IllegalArgumentException(key);
                            }));
            return ScrollPosition.forward(keys);
        } catch (RuntimeException e) {
            problems.add(new FieldProblem("cursor", "is not a cursor this API gave out"));
            return ScrollPosition.keyset();
        }
    }
}
