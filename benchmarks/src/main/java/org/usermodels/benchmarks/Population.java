package org.usermodels.benchmarks;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The users of a run, the same every time: user {@code n} of a tenant is a function of the tenant and
 * {@code n}, so both stores get the same people and a later phase can name a user of an earlier one without
 * remembering it. Names mix plain and accented spellings, as a real directory does; search terms are
 * fragments of the plain ones, which every search under comparison finds.
 */
final class Population {

    static final List<String> FIRST_NAMES = List.of(
            "Ada", "Alan", "Anna", "Bjørn", "Boris", "Carla", "Chen", "Chloé", "Dana", "David", "Elena", "Emil", "Eva",
            "Felix", "Fatima", "Grace", "Hannah", "Hugo", "Ines", "Ivan", "Jana", "José", "Julia", "Karl", "Kenji",
            "Lara", "Leon", "Lina", "Luca", "Maria", "Marta", "Max", "Mia", "Nadia", "Noah", "Nora", "Olga", "Omar",
            "Paula", "Pedro", "Priya", "Rafael", "Rosa", "Sara", "Sofia", "Søren", "Tara", "Theo", "Uma", "Victor",
            "Wei", "Yara", "Yusuf", "Zoe", "Zoë", "Aiko", "Amir", "Björk", "Clara", "Diego", "Erik", "Flora", "Gustav",
            "Helga", "Ingrid", "Jonas", "Kofi", "Lea", "Mateo", "Nils");

    /** Last names without accents: search terms are taken from these (see {@link #searchTerm}). */
    static final List<String> PLAIN_LAST_NAMES = List.of(
            "Anderson",
            "Baker",
            "Barnes",
            "Bennett",
            "Brooks",
            "Campbell",
            "Carter",
            "Collins",
            "Cooper",
            "Dawson",
            "Dixon",
            "Edwards",
            "Ellis",
            "Fisher",
            "Fletcher",
            "Foster",
            "Gardner",
            "Gibson",
            "Graham",
            "Hamilton",
            "Harper",
            "Hawkins",
            "Henderson",
            "Holmes",
            "Hopper",
            "Hughes",
            "Jackson",
            "Jenkins",
            "Kennedy",
            "Knight",
            "Lambert",
            "Lawrence",
            "Lovelace",
            "Marshall",
            "Mason",
            "Mitchell",
            "Morgan",
            "Murray",
            "Nelson",
            "Norton",
            "Oliver",
            "Palmer",
            "Parker",
            "Pearson",
            "Porter",
            "Quinn",
            "Reynolds",
            "Richards",
            "Robinson",
            "Russell",
            "Sanders",
            "Shelton",
            "Simmons",
            "Spencer",
            "Stevens",
            "Sullivan",
            "Thompson",
            "Turing",
            "Turner",
            "Walker",
            "Warren",
            "Watson",
            "Webster",
            "Wheeler",
            "Williams",
            "Wilson",
            "Wright",
            "Young",
            "Kowalski",
            "Nakamura",
            "Okafor",
            "Petrov",
            "Schneider",
            "Yamamoto");

    static final List<String> ACCENTED_LAST_NAMES = List.of(
            "Ångström",
            "Müller",
            "Núñez",
            "Gonçalves",
            "Dvořák",
            "Łukasiewicz",
            "Søndergaard",
            "Ibáñez",
            "Jiménez",
            "Özdemir",
            "Šimek",
            "Ferrández",
            "Björklund",
            "Čapek",
            "Esposito",
            "Lefèvre");

    static final List<String> COST_CENTRES = List.of("SALES", "RESEARCH", "SUPPORT", "FINANCE");

    private final long seed;

    Population(long seed) {
        this.seed = seed;
    }

    /** The tenant's custom attributes, as {@code PUT /api/tenant/attributes} takes them. */
    static List<Map<String, Object>> attributeDefinitions() {
        return List.of(Map.of(
                "name", "costCentre", "type", "enum", "values", COST_CENTRES, "searchable", true, "required", false));
    }

    /**
     * User {@code n} of a tenant as {@code POST /api/users} and the imports take it. In a tenant with several
     * types, one user in ten is a customer, a staff member and a partner contact each.
     */
    Map<String, Object> user(String tenant, int n, boolean severalTypes) {
        var random = randomOf(tenant, n);
        var first = FIRST_NAMES.get(random.nextInt(FIRST_NAMES.size()));
        var last = random.nextInt(5) == 0
                ? ACCENTED_LAST_NAMES.get(random.nextInt(ACCENTED_LAST_NAMES.size()))
                : PLAIN_LAST_NAMES.get(random.nextInt(PLAIN_LAST_NAMES.size()));
        // usernames are unique in the whole realm of Keycloak, not only in a tenant: the tenant is part of them
        var username = "%s.%s.%d.%s".formatted(ascii(first), ascii(last), n, tenant);
        var user = new LinkedHashMap<String, Object>();
        var type = severalTypes ? typeOf(n) : "user";
        user.put("type", type);
        user.put("username", username);
        user.put("email", username + "@" + tenant + ".example");
        user.put("firstName", first);
        user.put("lastName", last);
        user.put("locale", random.nextBoolean() ? "en" : "de-CH");
        user.put("attributes", Map.of("costCentre", COST_CENTRES.get(random.nextInt(COST_CENTRES.size()))));
        switch (type) {
            case "customer" ->
                user.put(
                        "customer",
                        Map.of(
                                "loyaltyTier",
                                List.of("BRONZE", "SILVER", "GOLD").get(n % 3)));
            case "staff" ->
                user.put(
                        "staff",
                        Map.of(
                                "employeeNumber", "E-%07d".formatted(n),
                                "department",
                                        List.of("Research", "Operations", "Sales")
                                                .get(n % 3),
                                "hireDate",
                                        LocalDate.of(2010, 1, 1)
                                                .plusDays(n % 5000)
                                                .toString()));
            case "partner" -> user.put("partner", Map.of("companyName", "Partner " + (n % 97) + " Ltd"));
            default -> {}
        }
        return user;
    }

    /**
     * The same person as Keycloak's own API takes them, for the Keycloak side of a comparison: a user with
     * the realm role of their type and no password (they choose one at first login), as usermodels
     * provisions them.
     */
    static Map<String, Object> keycloakRepresentation(Map<String, Object> user, String usernamePrefix) {
        var representation = new LinkedHashMap<String, Object>();
        var username = usernamePrefix + user.get("username");
        representation.put("username", username);
        representation.put("email", username + ".kc@keycloak.example");
        representation.put("firstName", user.get("firstName"));
        representation.put("lastName", user.get("lastName"));
        representation.put("enabled", true);
        representation.put("emailVerified", true);
        representation.put("requiredActions", List.of("UPDATE_PASSWORD"));
        representation.put("realmRoles", List.of("usermodels-" + user.get("type")));
        return representation;
    }

    /**
     * A fragment of the last name of one of the tenant's first {@code size} users, such as {@code "hawk"}: the
     * start of a plain (unaccented) name, four to six letters, so that every search under comparison can
     * find that user.
     */
    String searchTerm(String tenant, int size, RandomGenerator random) {
        while (true) {
            var lastName = (String) user(tenant, random.nextInt(size), false).get("lastName");
            if (lastName != null && PLAIN_LAST_NAMES.contains(lastName)) {
                var name = lastName.toLowerCase(Locale.ROOT);
                return name.substring(0, Math.min(name.length(), 4 + random.nextInt(3)));
            }
        }
    }

    private static String typeOf(int n) {
        return switch (n % 10) {
            case 1 -> "customer";
            case 2 -> "staff";
            case 3 -> "partner";
            default -> "user";
        };
    }

    private SplittableRandom randomOf(String tenant, int n) {
        return new SplittableRandom(seed * 31 + tenant.hashCode() * 1_000_003L + n);
    }

    static String ascii(String name) {
        var decomposed = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return decomposed
                .replace("ø", "o")
                .replace("Ø", "O")
                .replace("ł", "l")
                .replace("Ł", "L")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]", "");
    }
}
