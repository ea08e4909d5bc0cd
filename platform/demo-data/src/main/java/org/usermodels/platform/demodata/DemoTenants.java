package org.usermodels.platform.demodata;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The three demo tenants, one per user model, with their dev-only accounts. The README's table of accounts
 * and the system tests read these definitions; the passwords are for local runs and tests only.
 */
public final class DemoTenants {

    /** The default model: users, groups and permissions. */
    public static final DemoTenant ACME = new DemoTenant(
            "acme",
            "Acme Corporation",
            List.of("user"),
            new DemoAccount("wile", "Wile-demo-1", "Wile E.", "Coyote"),
            List.of(),
            List.of(new DemoGroup("support", List.of("users.view", "profile.read_any"))),
            List.of(
                    DemoUser.member(new DemoAccount("roadrunner", "Roadrunner-demo-1", "Road", "Runner"))
                            .inGroups("support"),
                    DemoUser.member(new DemoAccount("daffy", "Daffy-demo-1", "Daffy", "Duck"))
                            .inGroups("support"),
                    DemoUser.member(new DemoAccount("bugs", "Bugs-demo-1", "Bugs", "Bunny"))));

    /**
     * The custom model: one attribute per kind of validation. {@code badgeId} has a pattern and is unique,
     * {@code costCentre} is an enum, {@code clearance} an integer from 1 to 5 that can be searched on,
     * {@code site} is required and back-filled with its default, {@code deskPhone} and {@code assistantEmail}
     * are normalised phone and email values, {@code onCall} a boolean.
     */
    public static final DemoTenant GLOBEX = new DemoTenant(
            "globex",
            "Globex Corporation",
            List.of("user"),
            new DemoAccount("hank", "Hank-demo-1", "Hank", "Scorpio"),
            List.of(
                    attribute("badgeId", "string", "pattern", "GX-[0-9]{4}", "unique", true, "searchable", true),
                    attribute("costCentre", "enum", "values", List.of("ENGINEERING", "OPERATIONS", "SALES", "HQ")),
                    attribute("clearance", "integer", "min", 1, "max", 5, "searchable", true),
                    attribute("site", "string", "required", true, "default", "Cypress Creek", "maxLength", 60),
                    attribute("deskPhone", "phone"),
                    attribute("assistantEmail", "email"),
                    attribute("onCall", "boolean"),
                    attribute("mealAllowance", "decimal", "min", 0, "max", 100),
                    attribute("badgeIssued", "date")),
            List.of(),
            List.of(
                    DemoUser.member(new DemoAccount("homer", "Homer-demo-1", "Homer", "Simpson"))
                            .withFields(Map.of(
                                    "attributes",
                                    Map.of(
                                            "badgeId", "GX-0001",
                                            "costCentre", "OPERATIONS",
                                            "clearance", 1,
                                            "site", "Cypress Creek",
                                            "onCall", true,
                                            "mealAllowance", 12.5,
                                            "badgeIssued", "2024-03-01"))),
                    DemoUser.member(new DemoAccount("frank", "Frank-demo-1", "Frank", "Grimes"))
                            .withFields(Map.of(
                                    "attributes",
                                    Map.of(
                                            "badgeId", "GX-0002",
                                            "costCentre", "ENGINEERING",
                                            "clearance", 3,
                                            "site", "Cypress Creek",
                                            "deskPhone", "+41 44 668 18 00"))),
                    DemoUser.member(new DemoAccount("mindy", "Mindy-demo-1", "Mindy", "Simmons"))
                            .withFields(Map.of(
                                    "attributes",
                                    Map.of(
                                            "badgeId", "GX-0003",
                                            "costCentre", "SALES",
                                            "clearance", 3,
                                            "site", "Springfield",
                                            "assistantEmail", "assistant@globex.example")))));

    /**
     * The multi-type model: customers, partner contacts and staff, the staff in a three-level reporting tree
     * (dom ← michael ← peter, samir; dom ← milton) with rated skills.
     */
    public static final DemoTenant INITECH = new DemoTenant(
            "initech",
            "Initech",
            List.of("user", "customer", "staff", "partner"),
            new DemoAccount("bill", "Bill-demo-1", "Bill", "Lumbergh"),
            List.of(),
            List.of(),
            List.of(
                    staff(
                                    new DemoAccount("dom", "Dom-demo-1", "Dom", "Portwood"),
                                    "E-1001",
                                    "Management",
                                    "Vice President",
                                    null)
                            .withSkills(Map.of("Leadership", 4, "Budgeting", 3)),
                    staff(
                                    new DemoAccount("michael", "Michael-demo-1", "Michael", "Bolton"),
                                    "E-1002",
                                    "Software",
                                    "Team Lead",
                                    "dom")
                            .withSkills(Map.of("C", 4, "Java", 3)),
                    staff(
                                    new DemoAccount("peter", "Peter-demo-1", "Peter", "Gibbons"),
                                    "E-1003",
                                    "Software",
                                    "Programmer",
                                    "michael")
                            .withSkills(Map.of("Java", 4, "COBOL", 2)),
                    staff(
                                    new DemoAccount("samir", "Samir-demo-1", "Samir", "Nagheenanajar"),
                                    "E-1004",
                                    "Software",
                                    "Programmer",
                                    "michael")
                            .withSkills(Map.of("Java", 5, "Oracle", 4)),
                    staff(
                                    new DemoAccount("milton", "Milton-demo-1", "Milton", "Waddams"),
                                    "E-1005",
                                    "Facilities",
                                    "Collator",
                                    "dom")
                            .withSkills(Map.of("Collating", 5)),
                    DemoUser.of(
                            "customer",
                            new DemoAccount("joanna", "Joanna-demo-1", "Joanna", "Jones"),
                            Map.of("loyaltyTier", "GOLD", "marketingConsent", true)),
                    DemoUser.of(
                            "customer",
                            new DemoAccount("lawrence", "Lawrence-demo-1", "Lawrence", "Hanson"),
                            Map.of("loyaltyTier", "BRONZE")),
                    DemoUser.of(
                            "partner",
                            new DemoAccount("bob.porter", "Porter-demo-1", "Bob", "Porter"),
                            Map.of(
                                    "companyName", "The Bobs Consulting",
                                    "companyRegistrationId", "CH-020.3.921.428-1",
                                    "partnerTier", "PREMIER"))));

    private DemoTenants() {}

    /** acme, globex and initech, in the order they are seeded. */
    public static List<DemoTenant> all() {
        return List.of(ACME, GLOBEX, INITECH);
    }

    /** A person who can log in: the password is the initial one, set in Keycloak only. */
    public record DemoAccount(String username, String password, String firstName, String lastName) {

        DemoAccount renamed(String suffix) {
            return new DemoAccount(username + "-" + suffix, password, firstName, lastName);
        }

        /** Every demo account lives at {@code <slug>.example}. */
        public String email(String slug) {
            return username + "@" + slug + ".example";
        }
    }

    /** A group of the tenant with the permissions it grants. */
    public record DemoGroup(String name, List<String> permissions) {}

    /**
     * A user of the tenant.
     *
     * @param type {@code user}, {@code customer}, {@code staff} or {@code partner}
     * @param fields what the creating request carries besides the account: {@code attributes} and the object
     *     named like the type
     * @param manager the username of the staff member this one reports to, {@code null} for nobody
     * @param skills skill name to level (1 to 5), set on the staff profile
     * @param groups names of the tenant's groups the user joins besides {@code members}
     */
    public record DemoUser(
            DemoAccount account,
            String type,
            Map<String, Object> fields,
            @Nullable String manager,
            Map<String, Integer> skills,
            List<String> groups) {

        static DemoUser member(DemoAccount account) {
            return new DemoUser(account, "user", Map.of(), null, Map.of(), List.of());
        }

        /** A user of a type with fields of its own, carried in the object named like the type. */
        static DemoUser of(String type, DemoAccount account, Map<String, Object> typeFields) {
            return new DemoUser(account, type, Map.of(type, typeFields), null, Map.of(), List.of());
        }

        DemoUser withFields(Map<String, Object> more) {
            return new DemoUser(account, type, more, manager, skills, groups);
        }

        DemoUser withSkills(Map<String, Integer> levels) {
            return new DemoUser(account, type, fields, manager, levels, groups);
        }

        DemoUser renamed(String suffix) {
            return new DemoUser(
                    account.renamed(suffix),
                    type,
                    fields,
                    manager == null ? null : manager + "-" + suffix,
                    skills,
                    groups);
        }

        DemoUser inGroups(String... names) {
            return new DemoUser(account, type, fields, manager, skills, List.of(names));
        }

        /** The body of {@code POST /api/users} that creates this user in the tenant {@code slug}. */
        public Map<String, Object> creation(String slug) {
            var body = new LinkedHashMap<String, Object>();
            body.put("type", type);
            body.put("username", account.username());
            body.put("email", account.email(slug));
            body.put("firstName", account.firstName());
            body.put("lastName", account.lastName());
            body.put("password", account.password());
            body.putAll(fields);
            return body;
        }
    }

    /**
     * A tenant with its administrator (created with the tenant, member of its {@code admins} group), its
     * custom attributes, groups and users.
     */
    public record DemoTenant(
            String slug,
            String displayName,
            List<String> userTypes,
            DemoAccount admin,
            List<Map<String, Object>> attributes,
            List<DemoGroup> groups,
            List<DemoUser> users) {

        /** The names of the tenant's custom attributes, in the order they are defined. */
        public List<String> attributeNames() {
            return attributes.stream()
                    .map(attribute -> (String) attribute.get("name"))
                    .toList();
        }

        /**
         * The same tenant under the slug {@code <slug>-<suffix>}, every username suffixed alike (usernames are
         * unique in the realm, across tenants): a copy that tests may create beside the seeded original.
         */
        public DemoTenant renamed(String suffix) {
            return new DemoTenant(
                    slug + "-" + suffix,
                    displayName,
                    userTypes,
                    admin.renamed(suffix),
                    attributes,
                    groups,
                    users.stream().map(user -> user.renamed(suffix)).toList());
        }

        /** The body of {@code POST /api/tenants}. */
        public Map<String, Object> creation() {
            return Map.of(
                    "slug",
                    slug,
                    "displayName",
                    displayName,
                    "userTypes",
                    userTypes,
                    "admin",
                    Map.of(
                            "username", admin.username(),
                            "email", admin.email(slug),
                            "firstName", admin.firstName(),
                            "lastName", admin.lastName(),
                            "password", admin.password()));
        }

        /** Every account of the tenant, its administrator first. */
        public Stream<DemoAccount> accounts() {
            return Stream.concat(Stream.of(admin), users.stream().map(DemoUser::account));
        }

        /** The users of one type. */
        public List<DemoUser> usersOfType(String type) {
            return users.stream().filter(user -> user.type().equals(type)).toList();
        }
    }

    private static DemoUser staff(
            DemoAccount account, String employeeNumber, String department, String jobTitle, @Nullable String manager) {
        var staff = DemoUser.of(
                "staff",
                account,
                Map.of(
                        "employeeNumber", employeeNumber,
                        "department", department,
                        "jobTitle", jobTitle,
                        "hireDate", "2019-02-19"));
        return new DemoUser(account, "staff", staff.fields(), manager, Map.of(), List.of());
    }

    /** An attribute definition: its name and type, then pairs of further keys and values. */
    private static Map<String, Object> attribute(String name, String type, Object... more) {
        var definition = new LinkedHashMap<String, Object>();
        definition.put("name", name);
        definition.put("type", type);
        for (var index = 0; index < more.length; index += 2) {
            definition.put((String) more[index], more[index + 1]);
        }
        return definition;
    }
}
