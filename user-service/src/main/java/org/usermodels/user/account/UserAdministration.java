package org.usermodels.user.account;

import jakarta.validation.Validator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Map;
import java.util.Objects;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.usermodels.platform.domain.UserId;
import org.usermodels.platform.web.FieldProblem;
import org.usermodels.platform.web.InvalidRequest;
import org.usermodels.platform.web.JsonMergePatch;
import org.usermodels.platform.web.Versions;
import org.usermodels.user.access.Access;
import org.usermodels.user.access.Permissions;
import org.usermodels.user.attribute.TenantAttributes;
import org.usermodels.user.identity.IdentityDirectory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading, changing and deleting one user of the current tenant. Every method first finds the user (404 if
 * the tenant has none with that id, whichever tenant might) and then checks what the caller may do (403).
 */
@Service
class UserAdministration {

    private final Users users;
    private final Access access;
    private final TenantAttributes attributes;
    private final UserAttributeValues values;
    private final IdentityDirectory identities;
    private final JsonMapper json;
    private final Validator validator;
    private final Clock clock;

    UserAdministration(
            Users users,
            Access access,
            TenantAttributes attributes,
            UserAttributeValues values,
            IdentityDirectory identities,
            JsonMapper json,
            Validator validator,
            Clock clock) {
        this.users = users;
        this.access = access;
        this.attributes = attributes;
        this.values = values;
        this.identities = identities;
        this.json = json;
        this.validator = validator;
        this.clock = clock;
    }

    /**
     * A user with their groups and effective permissions: three statements, however many they have (the user,
     * the caller's permissions unless it is the user themselves, and where the user stands).
     */
    @Transactional(readOnly = true)
    UserView read(UserId id) {
        var user = users.findById(id).orElseThrow(() -> NotFound.user(id));
        access.requireSelfOr(id, Permissions.USERS_VIEW);
        return UserView.of(user, access.standing(id));
    }

    /**
     * Applies a JSON Merge Patch to the user, if they are still at a version {@code precondition} names.
     *
     * @throws InvalidRequest (400) for read-only or unknown fields and for invalid values
     * @throws Conflict (409) for a change of type, or a taken email or employee number
     * @throws AccessDeniedException (403) for a change only {@code users.manage} may make
     */
    @Transactional
    UserView patch(UserId id, Versions.Precondition precondition, JsonNode patch) {
        var user = users.findById(id).orElseThrow(() -> NotFound.user(id));
        access.requireSelfOr(id, Permissions.USERS_MANAGE);
        precondition.check(user.version());
        checkPatchShape(patch);
        var before = UserEdit.of(user);
        var edit = read(JsonMergePatch.apply(json.valueToTree(before), patch));
        if (!Objects.equals(edit.type(), before.type())) {
            if (edit.type() == null) {
                throw InvalidRequest.field("type", "cannot be removed");
            }
            throw Conflict.typeChange(user.type().code(), edit.type());
        }
        if (!Objects.equals(edit.username(), before.username())) {
            throw InvalidRequest.field("username", "cannot be changed: it is how the user logs in");
        }
        if (!access.has(Permissions.USERS_MANAGE)) {
            requireSelfService(before, edit);
        }
        var problems = new ArrayList<FieldProblem>();
        validator
                .validate(edit)
                .forEach(violation -> problems.add(
                        new FieldProblem(violation.getPropertyPath().toString(), violation.getMessage())));
        var schema = attributes.schema();
        var checked = schema.check(edit.attributes() == null ? Map.of() : edit.attributes());
        problems.addAll(checked.problems());
        if (!problems.isEmpty()) {
            throw InvalidRequest.of(problems);
        }
        schema.uniqueNames().forEach(values::lockUnique);
        problems.addAll(values.uniquenessProblems(schema, checked.values(), id));
        if (!problems.isEmpty()) {
            throw InvalidRequest.of(problems);
        }
        if (!edit.email().equalsIgnoreCase(String.valueOf(before.email()))
                && users.emailTaken(new EmailAddress(edit.email()), id)) {
            throw Conflict.taken("email", "email address");
        }
        requireDetailsOfItsType(user, edit);
        var staff = edit.staff();
        if (staff != null
                && before.staff() != null
                && !staff.employeeNumber().equals(before.staff().employeeNumber())
                && users.employeeNumberTaken(staff.employeeNumber(), id)) {
            throw Conflict.taken("staff.employeeNumber", "employee number");
        }
        try {
            user.edit(edit, checked.values(), clock.instant());
        } catch (IllegalArgumentException e) {
            throw InvalidRequest.field("staff.hireDate", e.getMessage());
        }
        users.save(user); // the UserUpdated the user recorded goes to the outbox
        users.flush();
        if (identityChanged(before, edit)) {
            identities.update(id, edit.email(), edit.firstName(), edit.lastName(), edit.status() == UserStatus.ACTIVE);
        }
        return UserView.of(user, access.standing(id));
    }

    /**
     * Deletes a user: disabled and removed in Keycloak, marked deleted here, {@code UserDeleted} recorded. If
     * Keycloak fails, nothing changes here either.
     */
    @Transactional
    void delete(UserId id) {
        var user = users.findById(id).orElseThrow(() -> NotFound.user(id));
        access.require(Permissions.USERS_MANAGE);
        if (access.isSelf(id)) {
            throw Conflict.selfDeletion();
        }
        user.delete(clock.instant());
        users.save(user); // with the UserDeleted it recorded
        users.flush();
        identities.remove(id);
    }

    private void checkPatchShape(JsonNode patch) {
        if (!patch.isObject()) {
            throw InvalidRequest.field("", "a merge patch is a JSON object");
        }
        var problems = new ArrayList<FieldProblem>();
        for (var entry : patch.properties()) {
            if (!UserEdit.FIELDS.contains(entry.getKey())) {
                problems.add(new FieldProblem(entry.getKey(), "is not a field that can be changed"));
            } else if (UserEdit.DETAIL_FIELDS.containsKey(entry.getKey())
                    && entry.getValue().isObject()) {
                var allowed = UserEdit.DETAIL_FIELDS.get(entry.getKey());
                for (var detail : entry.getValue().properties()) {
                    if (!allowed.contains(detail.getKey())) {
                        problems.add(new FieldProblem(
                                entry.getKey() + "." + detail.getKey(), "is not a field that can be changed"));
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw InvalidRequest.of(problems);
        }
    }

    private UserEdit read(JsonNode document) {
        try {
            return json.treeToValue(document, UserEdit.class);
        } catch (DatabindException e) {
            var field = e.getPath().stream()
                    .map(reference -> reference.getPropertyName() == null
                            ? "[" + reference.getIndex() + "]"
                            : reference.getPropertyName())
                    .reduce((a, b) -> a + "." + b)
                    .orElse("");
            throw InvalidRequest.field(field, "has a value of the wrong type or format");
        } catch (JacksonException e) {
            throw InvalidRequest.field("", "is not a valid user");
        }
    }

    /** A user without {@code users.manage} may change their own profile and attributes, and their consent. */
    private static void requireSelfService(UserEdit before, UserEdit after) {
        var consentOnly = before.customer() == null
                || after.customer() == null
                || Objects.equals(
                        before.customer().loyaltyTier(), after.customer().loyaltyTier());
        if (before.status() != after.status()
                || !Objects.equals(before.staff(), after.staff())
                || !Objects.equals(before.partner(), after.partner())
                || !consentOnly) {
            throw new AccessDeniedException("Changing status or type details needs users.manage");
        }
    }

    /**
     * An edit carries the details of the user's own type and no other: another type's are refused (a user's
     * type is fixed), and its own cannot be removed.
     */
    private static void requireDetailsOfItsType(User user, UserEdit edit) {
        var problems = new ArrayList<FieldProblem>();
        for (var type : edit.typesWithDetails()) {
            if (type != user.type()) {
                problems.add(new FieldProblem(type.code(), "applies to users of type " + type.code() + " only"));
            }
        }
        if (!problems.isEmpty()) {
            throw InvalidRequest.of(problems);
        }
        if (user.type().hasDetails() && !edit.typesWithDetails().contains(user.type())) {
            throw InvalidRequest.field(user.type().code(), "cannot be removed");
        }
    }

    private static boolean identityChanged(UserEdit before, UserEdit after) {
        return !Objects.equals(before.email(), after.email())
                || !Objects.equals(before.firstName(), after.firstName())
                || !Objects.equals(before.lastName(), after.lastName())
                || before.status() != after.status();
    }
}
