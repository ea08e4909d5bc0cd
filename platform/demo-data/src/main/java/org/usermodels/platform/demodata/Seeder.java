package org.usermodels.platform.demodata;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.usermodels.platform.demodata.DemoData.TenantReport;
import org.usermodels.platform.demodata.DemoTenants.DemoTenant;
import org.usermodels.platform.demodata.DemoTenants.DemoUser;
import tools.jackson.databind.JsonNode;

/**
 * Brings one demo tenant to its definition, changing only what differs, so that running it again changes
 * nothing:
 *
 * <ul>
 *   <li>the tenant: {@code POST /api/tenants} answers 200 with the same tenant for an identical repeat;
 *   <li>the custom attributes: {@code PUT} replaces the definitions with the same ones;
 *   <li>users and groups: looked up first and created only when missing. A creating {@code POST} carries an
 *       {@code Idempotency-Key} made for this run, so that repeating it after a lost answer is safe. A key that
 *       outlives the run would be wrong here: user-service keeps keys for good and would replay the answer of a
 *       user who has been deleted since;
 *   <li>managers and skills: set on the staff profiles once profile-service has made them from user-service's
 *       events (awaited with a bound), and only where they differ.
 * </ul>
 */
final class Seeder {

    private static final Set<Integer> CREATED = Set.of(200, 201);
    private static final Duration POLL = Duration.ofMillis(300);

    private final Api api;
    private final DemoData.Settings settings;
    private final String run = UUID.randomUUID().toString();

    Seeder(Api api, DemoData.Settings settings) {
        this.api = api;
        this.settings = settings;
    }

    TenantReport seed(DemoTenant tenant, String platformAdmin) {
        var changes = new ArrayList<String>();
        createTenant(tenant, platformAdmin, changes);
        var admin = api.token(tenant.admin().username(), tenant.admin().password(), "organization");
        defineAttributes(tenant, admin, changes);
        var users = createUsers(tenant, admin, changes);
        var groups = createGroups(tenant, admin, changes);
        joinGroups(tenant, admin, users, groups, changes);
        arrangeStaff(tenant, admin, users, changes);
        return new TenantReport(tenant.slug(), List.copyOf(changes));
    }

    private void createTenant(DemoTenant tenant, String platformAdmin, List<String> changes) {
        var created = api.exchange("POST", "/api/tenants", platformAdmin, tenant.creation(), Map.of());
        if (!CREATED.contains(created.status())) {
            throw new DemoData.SeedingFailed(
                    "Tenant %s could not be created: %d %s".formatted(tenant.slug(), created.status(), created.body()));
        }
        if (created.status() == 201) {
            changes.add("created the tenant with its administrator "
                    + tenant.admin().username());
        }
    }

    /** Replaces the definitions only when they differ: a replacement rewrites every definition's row. */
    private void defineAttributes(DemoTenant tenant, String admin, List<String> changes) {
        if (tenant.attributes().isEmpty()) {
            return;
        }
        var current = api.get("/api/tenant/attributes", admin);
        if (!api.json().valueToTree(tenant.attributes()).equals(SAME_VALUE, withoutDefaults(current, tenant))) {
            api.call("PUT", "/api/tenant/attributes", admin, tenant.attributes(), Map.of(), Set.of(200));
            changes.add(
                    "defined %d custom attributes".formatted(tenant.attributes().size()));
        }
    }

    /** Every user of the tenant by username, the missing ones created. */
    private Map<String, UUID> createUsers(DemoTenant tenant, String admin, List<String> changes) {
        var users = usersByName(admin);
        for (var user : tenant.users()) {
            var username = user.account().username();
            if (!users.containsKey(username)) {
                var body = api.call(
                        "POST",
                        "/api/users",
                        admin,
                        user.creation(tenant.slug()),
                        Map.of("Idempotency-Key", run + "/user/" + username),
                        CREATED);
                users.put(username, UUID.fromString(body.get("id").asString()));
                changes.add("created %s %s".formatted(user.type(), username));
            }
        }
        return users;
    }

    /** Every group of the tenant by name, the missing ones created, each with its permissions. */
    private Map<String, UUID> createGroups(DemoTenant tenant, String admin, List<String> changes) {
        var groups = groupsByName(admin);
        for (var group : tenant.groups()) {
            if (!groups.containsKey(group.name())) {
                var body = api.call(
                        "POST",
                        "/api/groups",
                        admin,
                        Map.of("name", group.name()),
                        Map.of("Idempotency-Key", run + "/group/" + group.name()),
                        CREATED);
                groups.put(group.name(), UUID.fromString(body.get("id").asString()));
                changes.add("created the group " + group.name());
            }
            var id = groups.get(group.name());
            var granted = api.get("/api/groups/" + id, admin).get("permissions");
            for (var permission : group.permissions()) {
                if (!contains(granted, permission)) {
                    api.call(
                            "PUT",
                            "/api/groups/%s/permissions/%s".formatted(id, permission),
                            admin,
                            null,
                            Map.of(),
                            Set.of(200, 204));
                    changes.add("granted %s to %s".formatted(permission, group.name()));
                }
            }
        }
        return groups;
    }

    private void joinGroups(
            DemoTenant tenant, String admin, Map<String, UUID> users, Map<String, UUID> groups, List<String> changes) {
        for (var user : tenant.users()) {
            var userId = users.get(user.account().username());
            for (var group : user.groups()) {
                var memberOf = api.get("/api/users/" + userId, admin).get("groups");
                if (memberOf.valueStream()
                        .noneMatch(ref -> ref.get("name").asString().equals(group))) {
                    api.call(
                            "PUT",
                            "/api/groups/%s/members/%s".formatted(groups.get(group), userId),
                            admin,
                            null,
                            Map.of(),
                            Set.of(200, 204));
                    changes.add("added %s to %s".formatted(user.account().username(), group));
                }
            }
        }
    }

    /** The id of a user the seeder created, by username; every demo user is created before they are arranged. */
    private static UUID idOf(Map<String, UUID> users, String username) {
        var id = users.get(username);
        if (id == null) {
            throw new IllegalStateException("The demo data names a user it does not create: " + username);
        }
        return id;
    }

    /** Positions, managers and skills, once every staff profile exists (a manager needs one too). */
    private void arrangeStaff(DemoTenant tenant, String admin, Map<String, UUID> users, List<String> changes) {
        var staff = tenant.usersOfType("staff");
        var profiles = new LinkedHashMap<String, Api.Answer>();
        for (var member : staff) {
            profiles.put(
                    member.account().username(),
                    awaitProfile(admin, idOf(users, member.account().username())));
        }
        for (var member : staff) {
            changes.addAll(arrangeStaffProfile(
                    admin,
                    member,
                    users,
                    Objects.requireNonNull(profiles.get(member.account().username()), "profile awaited above")));
        }
    }

    private List<String> arrangeStaffProfile(
            String admin, DemoUser member, Map<String, UUID> users, Api.Answer profile) {
        var changes = new ArrayList<String>();
        var userId = users.get(member.account().username());
        var details = profile.body().get("staff");
        // The profile starts with the user's name only: its position is the profile's own, set here.
        var position = (Map<?, ?>) Objects.requireNonNull(member.fields().get("staff"), "a staff member's fields");
        var department = String.valueOf(position.get("department"));
        var title = String.valueOf(position.get("jobTitle"));
        if (!department.equals(text(details, "department")) || !title.equals(text(details, "title"))) {
            api.call(
                    "PATCH",
                    "/api/profiles/" + userId,
                    admin,
                    Map.of("staff", Map.of("department", department, "title", title)),
                    Map.of("If-Match", String.valueOf(profile.etag()), "Content-Type", "application/merge-patch+json"),
                    Set.of(200));
            changes.add("%s works in %s as %s".formatted(member.account().username(), department, title));
        }
        var currentManager = details.hasNonNull("manager")
                ? details.get("manager").get("userId").asString()
                : null;
        var wantedManager =
                member.manager() == null ? null : idOf(users, member.manager()).toString();
        if (!Objects.equals(currentManager, wantedManager)) {
            var body = new HashMap<String, Object>();
            body.put("managerId", wantedManager);
            api.call("PUT", "/api/profiles/%s/manager".formatted(userId), admin, body, Map.of(), Set.of(200));
            changes.add("%s reports to %s".formatted(member.account().username(), member.manager()));
        }
        var currentSkills = new HashMap<String, Integer>();
        details.get("skills")
                .forEach(skill -> currentSkills.put(
                        skill.get("name").asString(), skill.get("level").asInt()));
        member.skills().forEach((skill, level) -> {
            if (!level.equals(currentSkills.get(skill))) {
                api.call(
                        "PUT",
                        "/api/profiles/%s/skills/%s".formatted(userId, skill),
                        admin,
                        Map.of("level", level),
                        Map.of(),
                        Set.of(200));
                changes.add("%s rated %s %d".formatted(member.account().username(), skill, level));
            }
        });
        return changes;
    }

    /** The profile profile-service made from the user's registration event, polled until it exists. */
    private Api.Answer awaitProfile(String admin, UUID userId) {
        var deadline = Instant.now().plus(settings.timeout());
        while (true) {
            var answer = api.exchange("GET", "/api/profiles/" + userId, admin, null, Map.of());
            if (answer.status() == 200 && answer.body().hasNonNull("staff")) {
                return answer;
            }
            if (answer.status() != 404 || Instant.now().isAfter(deadline)) {
                throw new DemoData.SeedingFailed("The staff profile of %s did not appear within %s: %d %s"
                        .formatted(userId, settings.timeout(), answer.status(), answer.body()));
            }
            Api.pause(POLL);
        }
    }

    /** Every user of the tenant by username, one page of the search after the other. */
    private Map<String, UUID> usersByName(String admin) {
        var users = new HashMap<String, UUID>();
        String cursor = null;
        do {
            var page = api.get(
                    "/api/users?limit=200"
                            + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)),
                    admin);
            page.get("items")
                    .forEach(user -> users.put(
                            user.get("username").asString(),
                            UUID.fromString(user.get("id").asString())));
            cursor = page.hasNonNull("next") ? page.get("next").asString() : null;
        } while (cursor != null);
        return users;
    }

    private Map<String, UUID> groupsByName(String admin) {
        var groups = new HashMap<String, UUID>();
        api.get("/api/groups", admin)
                .forEach(group -> groups.put(
                        group.get("name").asString(),
                        UUID.fromString(group.get("id").asString())));
        return groups;
    }

    /**
     * The definitions as the API shows them, reduced to the keys the demo tenant defines ({@code default} is
     * not stored, so it is taken from the wanted definition), so that equal definitions compare equal.
     */
    private JsonNode withoutDefaults(JsonNode current, DemoTenant tenant) {
        var reduced = api.json().createArrayNode();
        for (var index = 0; index < current.size(); index++) {
            var shown = current.get(index);
            var wanted =
                    index < tenant.attributes().size() ? tenant.attributes().get(index) : Map.<String, Object>of();
            var node = api.json().createObjectNode();
            for (var key : wanted.keySet()) {
                node.set(key, key.equals("default") ? api.json().valueToTree(wanted.get(key)) : shown.get(key));
            }
            reduced.add(wanted.isEmpty() ? shown : node);
        }
        return reduced;
    }

    /** Equal JSON values, numbers by value ({@code 1} equals {@code 1.0}). */
    private static final Comparator<JsonNode> SAME_VALUE = (left, right) -> {
        if (left.isNumber() && right.isNumber()) {
            return left.decimalValue().compareTo(right.decimalValue());
        }
        return left.equals(right) ? 0 : 1;
    };

    private static @Nullable String text(JsonNode object, String field) {
        return object.hasNonNull(field) ? object.get(field).asString() : null;
    }

    private static boolean contains(JsonNode array, String value) {
        return array.valueStream().anyMatch(item -> item.asString().equals(value));
    }
}
