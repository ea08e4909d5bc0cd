package org.usermodels.user.account;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.usermodels.platform.tenancy.TenantContext;
import org.usermodels.platform.web.FieldProblem;
import org.usermodels.platform.web.InvalidRequest;
import org.usermodels.user.attribute.TenantAttributes;
import org.usermodels.user.identity.IdentityDirectory;
import org.usermodels.user.identity.IdentityDirectory.NewIdentity;
import org.usermodels.user.outbox.DomainEvent;
import org.usermodels.user.outbox.Outbox;

/**
 * Creates users of the current tenant in both stores: first the identity in Keycloak (member of the
 * tenant's organization, with the realm role of its type, and its initial password), then the row here,
 * its groups and its {@code UserRegistered} event in one local transaction. When the local transaction
 * fails, the identity is removed again, so that no user exists in one store and not the other.
 */
@Service
public class UserRegistration {

    private static final Logger log = LoggerFactory.getLogger(UserRegistration.class);

    private final Users users;
    private final Groups groups;
    private final IdentityDirectory identities;
    private final TenantAttributes attributes;
    private final UserAttributeValues values;
    private final TenantPolicy tenant;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;

    UserRegistration(
            Users users,
            Groups groups,
            IdentityDirectory identities,
            TenantAttributes attributes,
            UserAttributeValues values,
            TenantPolicy tenant,
            Outbox outbox,
            TransactionTemplate transactions,
            Clock clock) {
        this.users = users;
        this.groups = groups;
        this.identities = identities;
        this.attributes = attributes;
        this.values = values;
        this.tenant = tenant;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Creates a user in the current tenant, as a member of {@value Group#MEMBERS} and of {@code extraGroups}.
     *
     * @throws InvalidRequest (400) for a type the tenant has not enabled, fields of another type, or invalid
     *     attributes
     * @throws Conflict (409) when the username, email or employee number is taken in the tenant
     * @throws org.usermodels.user.identity.IdentityConflict (409) when Keycloak has the username or email
     * @throws org.usermodels.user.identity.IdentityUnavailable (503) when Keycloak does not answer; nothing
     *     was created then
     */
    public UserView register(NewUser request, Set<String> extraGroups) {
        var organization = TenantContext.require().id();
        var type = typeOf(request);
        transactions.executeWithoutResult(status -> check(request, UUID.randomUUID()));
        var id = identities.createMember(organization, identityOf(request, type));
        try {
            return transactions.execute(status -> persist(id, type, request, extraGroups));
        } catch (RuntimeException failure) {
            compensate(id, failure);
            throw UniqueViolations.translate(failure);
        }
    }

    /** A tenant administrator whose identity exists in Keycloak and whose row is still to be written. */
    public record PendingAdministrator(UUID id, NewUser request) {}

    /**
     * First half of creating a new tenant's administrator: the identity in Keycloak, a default-model user
     * whatever types the tenant enables. The tenant's provisioning then writes the row in its own
     * transaction ({@link #completeAdministrator}) or gives up ({@link #abandon}).
     */
    public PendingAdministrator reserveAdministrator(UUID organization, NewUser request) {
        var id = identities.createMember(organization, identityOf(request, UserType.USER));
        return new PendingAdministrator(id, request);
    }

    /** Second half: the administrator's row, member of the tenant's admins, in the caller's transaction. */
    @org.springframework.transaction.annotation.Transactional(
            propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public UserView completeAdministrator(PendingAdministrator pending) {
        return persist(pending.id(), UserType.USER, pending.request(), Set.of(Group.ADMINS));
    }

    /** Removes the identity of an administrator whose tenant could not be created. */
    public void abandon(PendingAdministrator pending, RuntimeException cause) {
        compensate(pending.id(), cause);
    }

    private static NewIdentity identityOf(NewUser request, UserType type) {
        return new NewIdentity(
                request.username(),
                request.email(),
                request.firstName(),
                request.lastName(),
                request.password(),
                type.realmRole());
    }

    private UserType typeOf(NewUser request) {
        var code = request.type() == null ? UserType.USER.code() : request.type();
        var enabled = tenant.enabledTypes();
        var type = UserType.fromCode(code).filter(enabled::contains);
        if (type.isEmpty()) {
            throw InvalidRequest.field(
                    "type",
                    "must be one of the types this tenant has enabled: "
                            + enabled.stream().map(UserType::code).sorted().toList());
        }
        var problems = new java.util.ArrayList<FieldProblem>();
        checkDetails(problems, type.get(), UserType.CUSTOMER, request.customer(), "customer", false);
        checkDetails(problems, type.get(), UserType.STAFF, request.staff(), "staff", true);
        checkDetails(problems, type.get(), UserType.PARTNER, request.partner(), "partner", true);
        if (!problems.isEmpty()) {
            throw InvalidRequest.of(problems);
        }
        return type.get();
    }

    private static void checkDetails(
            List<FieldProblem> problems,
            UserType chosen,
            UserType owner,
            Object details,
            String field,
            boolean required) {
        if (chosen == owner && details == null && required) {
            problems.add(new FieldProblem(field, "is required for a user of type " + owner.code()));
        }
        if (chosen != owner && details != null) {
            problems.add(new FieldProblem(field, "applies to users of type " + owner.code() + " only"));
        }
    }

    /** The checks that need the database, done before anything is written anywhere. */
    private Map<String, Object> check(NewUser request, UUID newId) {
        var problems = new java.util.ArrayList<FieldProblem>();
        var checked = attributes.schema().check(request.attributesOrEmpty());
        problems.addAll(checked.problems());
        problems.addAll(values.uniquenessProblems(attributes.schema(), checked.values(), newId));
        if (!problems.isEmpty()) {
            throw InvalidRequest.of(problems);
        }
        if (users.existsByUsernameIgnoreCase(request.username())) {
            throw Conflict.taken("username", "username");
        }
        if (users.emailTaken(request.email(), newId)) {
            throw Conflict.taken("email", "email address");
        }
        if (request.staff() != null && users.employeeNumberTaken(request.staff().employeeNumber(), newId)) {
            throw Conflict.taken("staff.employeeNumber", "employee number");
        }
        return checked.values();
    }

    private UserView persist(UUID id, UserType type, NewUser request, Set<String> extraGroups) {
        var schema = attributes.schema();
        schema.uniqueNames().forEach(values::lockUnique);
        var attributeValues = check(request, id);
        var now = clock.instant();
        var profile = new User.Profile(
                request.username(),
                request.email(),
                request.firstName(),
                request.lastName(),
                request.locale() == null ? null : java.util.Locale.forLanguageTag(request.locale()),
                request.timeZone() == null ? null : java.time.ZoneId.of(request.timeZone()));
        User user = switch (type) {
            case USER -> new User(id, profile, attributeValues, now);
            case CUSTOMER -> newCustomer(id, profile, attributeValues, request.customer());
            case STAFF -> newStaffMember(id, profile, attributeValues, request.staff());
            case PARTNER -> newPartner(id, profile, attributeValues, request.partner());
        };
        var memberships = new HashMap<String, Group>();
        for (var name : union(Group.MEMBERS, extraGroups)) {
            memberships.put(
                    name, groups.findByName(name).orElseThrow(() -> new IllegalStateException("no group " + name)));
        }
        memberships.values().forEach(user::join);
        var sequence = user.nextEventSequence();
        user = users.save(user);
        outbox.append(
                new DomainEvent.UserRegistered(
                        TenantContext.require().id(),
                        id,
                        type.code(),
                        user.username(),
                        user.email(),
                        user.firstName(),
                        user.lastName()),
                sequence);
        log.info("Registered {} user {} ({})", type.code(), id, user.username());
        return UserView.of(user, UserView.groupsOf(user), null);
    }

    private Customer newCustomer(
            UUID id, User.Profile profile, Map<String, Object> attributeValues, NewUser.CustomerFields fields) {
        var now = clock.instant();
        var number = "C-%06d".formatted(users.nextCounterValue("customer_number"));
        var tier = fields == null || fields.loyaltyTier() == null ? Customer.LoyaltyTier.BRONZE : fields.loyaltyTier();
        var customer = new Customer(id, profile, attributeValues, now, number, tier);
        if (fields != null && Boolean.TRUE.equals(fields.marketingConsent())) {
            customer.giveMarketingConsent(now);
        }
        return customer;
    }

    private StaffMember newStaffMember(
            UUID id, User.Profile profile, Map<String, Object> attributeValues, NewUser.StaffFields fields) {
        try {
            return new StaffMember(
                    id,
                    profile,
                    attributeValues,
                    clock.instant(),
                    new StaffMember.Employment(
                            fields.employeeNumber(), fields.department(), fields.jobTitle(), fields.hireDate()));
        } catch (IllegalArgumentException e) {
            throw InvalidRequest.field("staff.hireDate", e.getMessage());
        }
    }

    private PartnerContact newPartner(
            UUID id, User.Profile profile, Map<String, Object> attributeValues, NewUser.PartnerFields fields) {
        var tier = fields.partnerTier() == null ? PartnerContact.PartnerTier.REGISTERED : fields.partnerTier();
        return new PartnerContact(
                id,
                profile,
                attributeValues,
                clock.instant(),
                new PartnerContact.Company(fields.companyName(), fields.companyRegistrationId(), tier));
    }

    private void compensate(UUID id, RuntimeException failure) {
        try {
            identities.remove(id);
            log.warn(
                    "Removed identity {} again: the local part of its registration failed ({})",
                    id,
                    failure.toString());
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
            log.error("Identity {} exists in Keycloak without a local user; the reconciler will remove it", id, e);
        }
    }

    private static Set<String> union(String first, Set<String> rest) {
        var all = new java.util.LinkedHashSet<String>();
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
