package org.usermodels.lab.design;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One user's values of the lab tenant's five attributes, the same in every layout. User {@code n} of a run gets
 * values that depend on {@code n} alone, so that every run writes the same rows in the same order, and the
 * users a filter finds can be counted beforehand: cost centres take turns, clearances change every eighth user.
 */
record AttributeValues(
        UUID user, String badgeId, String costCentre, int clearance, boolean remote, LocalDate startDate) {

    static final List<String> COST_CENTRES =
            List.of("R&D", "Sales", "Ops", "Legal", "Finance", "HR", "Support", "Marketing");

    /** One attribute's name and value, as the tenant defines it (docs/custom-fields.md). */
    record Attribute(String name, Object value) {}

    /** User {@code n}'s values; the id is a version 3 UUID of {@code n}, as random to an index as Keycloak's. */
    static AttributeValues of(int n) {
        return new AttributeValues(
                UUID.nameUUIDFromBytes(("lab-user-" + n).getBytes(StandardCharsets.UTF_8)),
                "B-%04d".formatted(n % 10_000),
                COST_CENTRES.get(n % COST_CENTRES.size()),
                1 + (n / COST_CENTRES.size()) % 5,
                n % 3 == 0,
                LocalDate.of(2020, 1, 1).plusDays(n % 1_500));
    }

    /** Whether a filter on both searchable attributes finds this user. */
    boolean matches(String costCentre, int clearance) {
        return this.costCentre.equals(costCentre) && this.clearance == clearance;
    }

    List<Attribute> attributes() {
        return List.of(
                new Attribute("badgeId", badgeId),
                new Attribute("costCentre", costCentre),
                new Attribute("clearance", clearance),
                new Attribute("remote", remote),
                new Attribute("startDate", startDate));
    }

    /** The values as the JSON object {@code users.attributes} holds (the values need no escaping). */
    String json() {
        return """
                {"badgeId": "%s", "costCentre": "%s", "clearance": %d, "remote": %b, "startDate": "%s"}""".formatted(badgeId, costCentre, clearance, remote, startDate);
    }
}
