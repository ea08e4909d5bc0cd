package org.usermodels.user.account;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.usermodels.platform.domain.TenantId;
import org.usermodels.platform.domain.UserId;
import org.usermodels.platform.tenancy.TenantContext;
import org.usermodels.platform.web.FieldProblem;
import org.usermodels.platform.web.InvalidRequest;
import org.usermodels.user.access.GroupAdministration;
import org.usermodels.user.attribute.AttributeSchema;
import org.usermodels.user.attribute.AttributeValuesConverter;
import org.usermodels.user.attribute.TenantAttributes;
import org.usermodels.user.identity.IdentityDirectory;
import org.usermodels.user.identity.IdentityDirectory.NewIdentity;
import org.usermodels.user.identity.IdentityDirectory.PlannedIdentity;
import org.usermodels.user.identity.IdentityDirectory.Provisioning;
import org.usermodels.user.identity.IdentityRefused;

/**
 * Creates users of the current tenant in both stores: first the identity in Keycloak (member of the
 * tenant's organization, with the realm role of its type, and its initial password), then the row here,
 * its groups and its {@code UserRegistered} event in one local transaction. When the local transaction
 * fails, the identity is removed again, so that no user exists in one store and not the other.
 *
 * <p>One user at a time ({@link #register}) or a batch ({@link #registerAll}, for bulk imports): both pass the
 * same {@link NewUserChecks} and build the same entities; a batch provisions its identities in one Keycloak
 * request and writes its rows with JDBC batching in one transaction.
 */
@Service
public class UserRegistration {

    private static final Logger log = LoggerFactory.getLogger(UserRegistration.class);

    private final Users users;
    private final GroupAdministration groups;
    private final IdentityDirectory identities;
    private final NewUserChecks checks;
    private final TenantAttributes attributes;
    private final UserAttributeValues values;
    private final TransactionTemplate transactions;
    private final Clock clock;

    UserRegistration(
            Users users,
            GroupAdministration groups,
            IdentityDirectory identities,
            NewUserChecks checks,
            TenantAttributes attributes,
            UserAttributeValues values,
            TransactionTemplate transactions,
            Clock clock) {
        this.users = users;
        this.groups = groups;
        this.identities = identities;
        this.checks = checks;
        this.attributes = attributes;
        this.values = values;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Creates a user in the current tenant, as a member of the tenant's {@code members} group and of {@code extraGroups}.
     *
     * @throws InvalidRequest (400) for a type the tenant has not enabled, fields of another type, or invalid
     *     attributes
     * @throws Conflict (409) when the username, email or employee number is taken in the tenant
     * @throws org.usermodels.user.identity.IdentityConflict (409) when Keycloak has the username or email
     * @throws org.usermodels.user.identity.IdentityUnavailable (503) when Keycloak does not answer; nothing
     *     was created then
     */
    public UserView register(NewUser request, Set<String> extraGroups) {
        var organization = TenantContext.require().tenantId();
        var type = requirePassed(transactions
                .execute(status -> checks.check(List.of(request), List.of(0), false))
                .getFirst());
        var id = identities.createMember(organization, identityOf(request, type));
        try {
            return transactions.execute(status -> persist(id, type, request, extraGroups));
        } catch (RuntimeException failure) {
            compensate(List.of(id), failure);
            throw UniqueViolations.translate(failure);
        }
    }

    /** A tenant administrator whose identity exists in Keycloak and whose row is still to be written. */
    public record PendingAdministrator(UserId id, NewUser request) {}

    /**
     * First half of creating a new tenant's administrator: the identity in Keycloak, a default-model user
     * whatever types the tenant enables. The tenant's provisioning then writes the row in its own
     * transaction ({@link #completeAdministrator}) or gives up ({@link #abandon}).
     */
    public PendingAdministrator reserveAdministrator(TenantId organization, NewUser request) {
        var id = identities.createMember(organization, identityOf(request, UserType.USER));
        return new PendingAdministrator(id, request);
    }

    /** Second half: the administrator's row, member of the tenant's admins, in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public UserView completeAdministrator(PendingAdministrator pending) {
        return persist(pending.id(), UserType.USER, pending.request(), Set.of(GroupAdministration.ADMINS));
    }

    /** Removes the identity of an administrator whose tenant could not be created. */
    public void abandon(PendingAdministrator pending, RuntimeException cause) {
        compensate(List.of(pending.id()), cause);
    }

    /**
     * A user of a batch: the id they are to have, chosen by the caller so that a batch tried again after a
     * crash recognises what it created before, and the row they came from.
     */
    public record Planned(UserId id, int row, NewUser request) {}

    /**
     * What became of a planned user.
     *
     * @param created whether the user exists now (created by this batch, or by an earlier attempt at it)
     * @param problems why not, otherwise: one entry per field, as a single creation's 400 or 409 would name it
     */
    public record Outcome(UserId id, int row, boolean created, List<FieldProblem> problems) {}

    /**
     * Registers a batch of users, each exactly as {@link #register} registers one (checked by the same rules,
     * built as the same entities, with the same event), but with a fixed number of statements and one Keycloak
     * request for the whole batch. Every planned user ends in an outcome: a user who fails a check, or whose
     * username the identity provider has for another user, is left out with the problems, and the others go on.
     *
     * <p>{@code record} is called in the transaction that writes the users, with the outcomes that transaction
     * settles, so that what the caller keeps of them (an import's rows) commits with the users or not at all.
     * Every planned user's outcome is passed to it once. If the batch's transaction fails, its identities are
     * removed again and its users are registered one by one, so that one bad row cannot sink the others.
     *
     * @throws org.usermodels.user.identity.IdentityUnavailable (503) when Keycloak does not answer: nothing
     *     of the batch was written then, and it may be tried again as it is
     */
    public List<Outcome> registerAll(List<Planned> batch, Consumer<List<Outcome>> record) {
        var organization = TenantContext.require().tenantId();
        var requests = batch.stream().map(Planned::request).toList();
        var rows = batch.stream().map(Planned::row).toList();
        var existing = transactions.execute(status -> users.existing(ids(batch)));
        var checked = transactions.execute(status -> checks.check(requests, rows, true));
        var outcomes = new LinkedHashMap<UserId, Outcome>();
        var accepted = new ArrayList<Planned>();
        var types = new LinkedHashMap<UserId, UserType>();
        for (var i = 0; i < batch.size(); i++) {
            var planned = batch.get(i);
            if (existing.contains(planned.id())) {
                outcomes.put(planned.id(), new Outcome(planned.id(), planned.row(), true, List.of()));
            } else if (!checked.get(i).passed()) {
                outcomes.put(
                        planned.id(),
                        new Outcome(
                                planned.id(),
                                planned.row(),
                                false,
                                checked.get(i).problems()));
            } else {
                accepted.add(planned);
                types.put(planned.id(), checked.get(i).type());
            }
        }
        var provisioned = accepted.isEmpty()
                ? Map.<UserId, Provisioning>of()
                : identities.createMembers(
                        organization,
                        accepted.stream()
                                .map(planned -> new PlannedIdentity(
                                        planned.id(), identityOf(planned.request(), typeOf(types, planned))))
                                .toList());
        var toWrite = new ArrayList<Planned>();
        for (var planned : accepted) {
            var refused = identityProblem(provisioned.get(planned.id()));
            if (refused.isPresent()) {
                outcomes.put(planned.id(), new Outcome(planned.id(), planned.row(), false, List.of(refused.get())));
            } else {
                toWrite.add(planned);
            }
        }
        var recordFailed = new AtomicBoolean();
        try {
            transactions.executeWithoutResult(status -> {
                var written = persistAll(toWrite, types);
                written.forEach(outcome -> outcomes.put(outcome.id(), outcome));
                recordAll(record, List.copyOf(outcomes.values()), recordFailed);
            });
            log.info(
                    "Registered a batch of {} users ({} written, {} left out)",
                    batch.size(),
                    toWrite.size(),
                    outcomes.values().stream()
                            .filter(outcome -> !outcome.created())
                            .count());
            return List.copyOf(outcomes.values());
        } catch (RuntimeException failure) {
            // only what this attempt created: an identity an earlier attempt created stays until its row is decided
            compensate(
                    toWrite.stream()
                            .map(Planned::id)
                            .filter(id -> provisioned.get(id) == Provisioning.CREATED)
                            .toList(),
                    failure);
            if (recordFailed.get()) {
                // the caller cannot keep what became of the batch (an import whose worker lost its lease)
                throw failure;
            }
            log.warn(
                    "A batch of {} users failed as a whole ({}); registering them one by one",
                    toWrite.size(),
                    failure.toString());
        }
        return oneByOne(batch, outcomes, toWrite, types, record);
    }

    /** The fallback of a failed batch: each written user in a transaction of its own. */
    private List<Outcome> oneByOne(
            List<Planned> batch,
            Map<UserId, Outcome> settled,
            List<Planned> toWrite,
            Map<UserId, UserType> types,
            Consumer<List<Outcome>> record) {
        var organization = TenantContext.require().tenantId();
        var waiting = toWrite.stream().map(Planned::id).collect(java.util.stream.Collectors.toSet());
        var pending = new ArrayList<>(settled.values().stream()
                .filter(outcome -> !waiting.contains(outcome.id()))
                .toList());
        for (var planned : toWrite) {
            Outcome outcome;
            var provisioned = identities
                    .createMembers(
                            organization,
                            List.of(new PlannedIdentity(
                                    planned.id(), identityOf(planned.request(), typeOf(types, planned)))))
                    .get(planned.id());
            var refused = identityProblem(provisioned);
            if (refused.isPresent()) {
                outcome = new Outcome(planned.id(), planned.row(), false, List.of(refused.get()));
            } else {
                var recordFailed = new AtomicBoolean();
                try {
                    var written = transactions.execute(status -> {
                        var result = persistAll(List.of(planned), types).getFirst();
                        var all = new ArrayList<>(pending);
                        all.add(result);
                        recordAll(record, all, recordFailed);
                        return result;
                    });
                    pending.clear();
                    settled.put(planned.id(), written);
                    continue;
                } catch (RuntimeException failure) {
                    if (recordFailed.get()) {
                        compensate(provisioned == Provisioning.CREATED ? List.of(planned.id()) : List.of(), failure);
                        throw failure;
                    }
                    if (isConflictOnId(failure)) {
                        // the row's user was written meanwhile, under the id chosen for this very row
                        outcome = new Outcome(planned.id(), planned.row(), true, List.of());
                    } else {
                        // the row fails (or waits for another try), so its identity goes, whichever attempt made it
                        compensate(List.of(planned.id()), failure);
                        outcome = new Outcome(planned.id(), planned.row(), false, problemsOf(failure));
                    }
                }
            }
            pending.add(outcome);
            settled.put(planned.id(), outcome);
        }
        if (!pending.isEmpty()) {
            transactions.executeWithoutResult(status -> record.accept(List.copyOf(pending)));
        }
        return batch.stream().map(planned -> settled.get(planned.id())).toList();
    }

    /**
     * A row's own problems in a failure of its transaction: a taken value, an invalid one, or a value the
     * database refuses to store (an SQL state of class 22, data exception, or 23, integrity constraint). Any
     * other failure is not the row's (the database went away, say) and is thrown: the row then waits.
     */
    private static List<FieldProblem> problemsOf(RuntimeException failure) {
        var conflict = UniqueViolations.conflictOf(failure);
        if (conflict.isPresent()) {
            var body = conflict.get().getBody();
            var properties = body.getProperties();
            var field = properties == null ? "" : String.valueOf(properties.get("field"));
            return List.of(FieldProblem.of(field, body.getDetail()));
        }
        if (failure instanceof InvalidRequest invalid) {
            return invalid.errors();
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23"))) {
                log.warn("A row's user could not be stored: {}", sql.getMessage());
                return List.of(new FieldProblem("", "holds a value that cannot be stored"));
            }
        }
        throw failure;
    }

    private static boolean isConflictOnId(RuntimeException failure) {
        return UniqueViolations.conflictOf(failure)
                .map(conflict -> {
                    var properties = conflict.getBody().getProperties();
                    return properties != null && "id".equals(properties.get("field"));
                })
                .orElse(false);
    }

    /** Why an identity could not be provisioned, as the row's problem; empty when it exists now. */
    private static Optional<FieldProblem> identityProblem(@Nullable Provisioning provisioning) {
        if (provisioning == null) {
            throw new IllegalStateException("The identity directory gave no outcome for a planned identity");
        }
        return switch (provisioning) {
            case TAKEN ->
                Optional.of(new FieldProblem(
                        "username", "The identity provider already has a user with this username or email address."));
            case REFUSED -> Optional.of(new FieldProblem("", IdentityRefused.DETAIL));
            case CREATED, EXISTED -> Optional.empty();
        };
    }

    /** Hands outcomes to the caller, noting whether the caller failed to keep them. */
    private static void recordAll(Consumer<List<Outcome>> record, List<Outcome> outcomes, AtomicBoolean failed) {
        try {
            record.accept(List.copyOf(outcomes));
        } catch (RuntimeException e) {
            failed.set(true);
            throw e;
        }
    }

    /**
     * Writes users whose identities exist: every insert queued in the persistence context and sent with JDBC
     * batching at the end ({@code hibernate.jdbc.batch_size}), customer numbers reserved in one statement.
     */
    private List<Outcome> persistAll(List<Planned> batch, Map<UserId, UserType> types) {
        if (batch.isEmpty()) {
            return List.of();
        }
        var schema = attributes.schema();
        requireUniqueAttributesStillFree(
                schema,
                batch.stream()
                        .map(planned -> schema.check(planned.request().attributesOrEmpty())
                                .values())
                        .toList());
        var customers = (int) batch.stream()
                .filter(planned -> types.get(planned.id()) == UserType.CUSTOMER)
                .count();
        var nextCustomer =
                customers == 0 ? 0 : users.reserveCounterValues("customer_number", customers) - customers + 1;
        var now = clock.instant();
        var outcomes = new ArrayList<Outcome>(batch.size());
        for (var planned : batch) {
            var request = planned.request();
            var type = typeOf(types, planned);
            var attributeValues = schema.check(request.attributesOrEmpty()).values();
            var number = type == UserType.CUSTOMER ? nextCustomer++ : 0;
            var user = newUser(planned.id(), type, request, attributeValues, now, number);
            register(user);
            outcomes.add(new Outcome(planned.id(), planned.row(), true, List.of()));
        }
        users.flush(); // the rows first: the memberships refer to them
        groups.enrol(batch.stream().map(planned -> planned.id()).toList(), Set.of());
        return outcomes;
    }

    /** The one user of {@link #register}, checked again under the locks of its transaction. */
    private UserView persist(UserId id, UserType type, NewUser request, Set<String> extraGroups) {
        var schema = attributes.schema();
        var checked = schema.check(request.attributesOrEmpty());
        if (!checked.valid()) {
            throw InvalidRequest.of(checked.problems());
        }
        requireUniqueAttributesStillFree(schema, List.of(checked.values()));
        var number = type == UserType.CUSTOMER ? users.reserveCounterValues("customer_number", 1) : 0;
        var user = register(newUser(id, type, request, checked.values(), clock.instant(), number));
        users.flush(); // the row first: the memberships refer to it
        var memberOf = groups.enrol(List.of(id), extraGroups);
        log.info("Registered {} user {} ({})", type.code(), id, user.username());
        return UserView.of(user, memberOf, null);
    }

    /**
     * Locks each unique attribute of the tenant for the rest of the transaction and checks that no other user
     * took one of these values since they were checked: unique attribute values have no index that could refuse
     * a duplicate (they live in {@code jsonb}), so two creations racing would both pass the check without the
     * lock. Usernames, emails and employee numbers have their unique indexes instead ({@link UniqueViolations}).
     *
     * @throws InvalidRequest (400) when a value is taken now
     */
    private void requireUniqueAttributesStillFree(AttributeSchema schema, List<Map<String, Object>> valuesOfEach) {
        for (var name : schema.uniqueNames()) {
            values.lockUnique(name);
            var json = valuesOfEach.stream()
                    .map(each -> each.get(name))
                    .filter(Objects::nonNull)
                    .map(AttributeValuesConverter::toJson)
                    .toList();
            if (!values.takenAmong(name, json).isEmpty()) {
                throw InvalidRequest.field("attributes." + name, "is already taken by another user");
            }
        }
    }

    /** Saves a new user, and with them the {@code UserRegistered} they recorded, in the caller's transaction. */
    private User register(User user) {
        return users.save(user);
    }

    private static UserType requirePassed(NewUserChecks.Checked checked) {
        if (!checked.invalid().isEmpty()) {
            throw InvalidRequest.of(checked.invalid());
        }
        if (!checked.taken().isEmpty()) {
            var taken = checked.taken().getFirst();
            throw Conflict.taken(taken.field(), taken.what());
        }
        return Objects.requireNonNull(checked.type());
    }

    /**
     * The entity of a new user of the given type.
     *
     * @param customerNumber the customer's number, reserved by the caller; ignored for other types
     * @throws InvalidRequest (400) when the type's own rules refuse the details (a hire date in the future)
     */
    private static User newUser(
            UserId id,
            UserType type,
            NewUser request,
            Map<String, Object> attributeValues,
            Instant now,
            long customerNumber) {
        var tenant = TenantContext.require().tenantId();
        var profile = new User.Profile(
                new Username(request.username()),
                new EmailAddress(request.email()),
                request.firstName(),
                request.lastName(),
                request.locale() == null ? null : Locale.forLanguageTag(request.locale()),
                request.timeZone() == null ? null : ZoneId.of(request.timeZone()));
        return switch (type) {
            case USER -> new User(id, tenant, profile, attributeValues, now);
            case CUSTOMER -> newCustomer(id, tenant, profile, attributeValues, now, customerNumber, request.customer());
            case STAFF -> newStaffMember(id, tenant, profile, attributeValues, now, detailsOf(request.staff()));
            case PARTNER -> newPartner(id, tenant, profile, attributeValues, now, detailsOf(request.partner()));
        };
    }

    /** The type the checks found for a planned user: every planned user has been checked. */
    private static UserType typeOf(Map<UserId, UserType> types, Planned planned) {
        var type = types.get(planned.id());
        if (type == null) {
            throw new IllegalStateException("User " + planned.id() + " was planned without being checked");
        }
        return type;
    }

    /** The details of a type that has them: {@link NewUserChecks} refuses a request of that type without. */
    private static <T> T detailsOf(@Nullable T details) {
        return Objects.requireNonNull(details, "details the checks required");
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

    private static Customer newCustomer(
            UserId id,
            TenantId tenant,
            User.Profile profile,
            Map<String, Object> attributeValues,
            Instant now,
            long number,
            NewUser.@Nullable CustomerFields fields) {
        var tier = fields == null || fields.loyaltyTier() == null ? Customer.LoyaltyTier.BRONZE : fields.loyaltyTier();
        var customer = new Customer(id, tenant, profile, attributeValues, now, "C-%06d".formatted(number), tier);
        if (fields != null && Boolean.TRUE.equals(fields.marketingConsent())) {
            customer.giveMarketingConsent(now);
        }
        return customer;
    }

    private static StaffMember newStaffMember(
            UserId id,
            TenantId tenant,
            User.Profile profile,
            Map<String, Object> attributeValues,
            Instant now,
            NewUser.StaffFields fields) {
        try {
            return new StaffMember(
                    id,
                    tenant,
                    profile,
                    attributeValues,
                    now,
                    new StaffMember.Employment(
                            fields.employeeNumber(), fields.department(), fields.jobTitle(), fields.hireDate()));
        } catch (IllegalArgumentException e) {
            throw InvalidRequest.field("staff.hireDate", e.getMessage());
        }
    }

    private static PartnerContact newPartner(
            UserId id,
            TenantId tenant,
            User.Profile profile,
            Map<String, Object> attributeValues,
            Instant now,
            NewUser.PartnerFields fields) {
        var tier = fields.partnerTier() == null ? PartnerContact.PartnerTier.REGISTERED : fields.partnerTier();
        return new PartnerContact(
                id,
                tenant,
                profile,
                attributeValues,
                now,
                new PartnerContact.Company(fields.companyName(), fields.companyRegistrationId(), tier));
    }

    private void compensate(List<UserId> ids, RuntimeException failure) {
        if (ids.isEmpty()) {
            return;
        }
        try {
            identities.removeAll(ids);
            log.warn(
                    "Removed {} identit(ies) again: the local part of their registration failed ({})",
                    ids.size(),
                    failure.toString());
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
            log.error("Identities {} exist in Keycloak without a local user; the reconciler will see them", ids, e);
        }
    }

    private static List<UserId> ids(List<Planned> batch) {
        return batch.stream().map(Planned::id).toList();
    }
}
