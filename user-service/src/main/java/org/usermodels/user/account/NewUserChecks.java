package org.usermodels.user.account;

import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.usermodels.platform.web.FieldProblem;
import org.usermodels.user.attribute.AttributeSchema;
import org.usermodels.user.attribute.AttributeValuesConverter;
import org.usermodels.user.attribute.TenantAttributes;

/**
 * Everything a new user must pass before anything is written anywhere, the same for one user
 * ({@code POST /api/users}) and for a batch of them (a bulk import's chunk): the fields, the type the tenant
 * enables and its details, the tenant's custom attributes, and uniqueness in the tenant. A batch is checked
 * with a fixed number of statements, whatever its size: one per unique value kind, not one per user.
 */
@Component
class NewUserChecks {

    private final Users users;
    private final TenantAttributes attributes;
    private final UserAttributeValues values;
    private final TenantPolicy tenant;
    private final Validator validator;

    NewUserChecks(
            Users users,
            TenantAttributes attributes,
            UserAttributeValues values,
            TenantPolicy tenant,
            Validator validator) {
        this.users = users;
        this.attributes = attributes;
        this.values = values;
        this.tenant = tenant;
        this.validator = validator;
    }

    /**
     * A new user as checked.
     *
     * @param type the user's type; {@code null} only when {@code invalid} says why
     * @param attributeValues the custom attributes, normalised (phone numbers in E.164, …)
     * @param invalid fields that break a rule: the request is wrong (400)
     * @param taken fields whose value another user of the tenant holds (409), e.g. {@code username}
     */
    record Checked(
            @Nullable UserType type,
            Map<String, Object> attributeValues,
            List<FieldProblem> invalid,
            List<Taken> taken) {

        boolean passed() {
            return invalid.isEmpty() && taken.isEmpty();
        }

        /** All that is wrong, as one list of field problems. */
        List<FieldProblem> problems() {
            var problems = new ArrayList<>(invalid);
            taken.forEach(value -> problems.add(value.problem()));
            return problems;
        }
    }

    /**
     * A value another user holds.
     *
     * @param field the request's field, e.g. {@code staff.employeeNumber}
     * @param what how people call it, e.g. {@code employee number}
     * @param row the batch row that holds it, or 0 when a user of the tenant does
     */
    record Taken(String field, String what, int row) {

        FieldProblem problem() {
            return new FieldProblem(
                    field,
                    row == 0
                            ? "This tenant already has a user with this " + what + "."
                            : "Row %d of this batch has the same %s.".formatted(row, what));
        }
    }

    /**
     * Checks new users, in order; a later one that repeats an earlier one's unique value is the one that is
     * taken.
     *
     * @param requests the new users with the rows they came from (1, 2, … for a file; 0 for one request)
     * @param validateFields whether to run Bean Validation on the requests here; a controller's {@code @Valid}
     *     did it already for a single request
     */
    @Transactional(propagation = Propagation.MANDATORY)
    List<Checked> check(List<NewUser> requests, List<Integer> rows, boolean validateFields) {
        var schema = attributes.schema();
        var enabled = tenant.enabledTypes();
        var results = new ArrayList<Checked>(requests.size());
        for (var request : requests) {
            var invalid = new ArrayList<FieldProblem>();
            if (validateFields) {
                validator
                        .validate(request)
                        .forEach(violation -> invalid.add(
                                FieldProblem.of(violation.getPropertyPath().toString(), violation.getMessage())));
            }
            var type = typeOf(request, enabled, invalid);
            var checked = schema.check(request.attributesOrEmpty());
            invalid.addAll(checked.problems());
            results.add(new Checked(type, checked.values(), invalid, new ArrayList<>()));
        }
        uniqueness(requests, rows, schema, results);
        return results;
    }

    /** The type a request asks for, if the tenant enables it and the request carries that type's details only. */
    private static @Nullable UserType typeOf(NewUser request, Set<UserType> enabled, List<FieldProblem> problems) {
        var code = request.type() == null ? UserType.USER.code() : request.type();
        var type = UserType.fromCode(code).filter(enabled::contains);
        if (type.isEmpty()) {
            problems.add(new FieldProblem(
                    "type",
                    "must be one of the types this tenant has enabled: "
                            + enabled.stream().map(UserType::code).sorted().toList()));
            return null;
        }
        details(problems, type.get(), UserType.CUSTOMER, request.customer(), "customer", false);
        details(problems, type.get(), UserType.STAFF, request.staff(), "staff", true);
        details(problems, type.get(), UserType.PARTNER, request.partner(), "partner", true);
        return type.get();
    }

    private static void details(
            List<FieldProblem> problems,
            UserType chosen,
            UserType owner,
            @Nullable Object details,
            String field,
            boolean required) {
        if (chosen == owner && details == null && required) {
            problems.add(new FieldProblem(field, "is required for a user of type " + owner.code()));
        }
        if (chosen != owner && details != null) {
            problems.add(new FieldProblem(field, "applies to users of type " + owner.code() + " only"));
        }
    }

    /**
     * Unique values, against the tenant's users (one statement per kind of value) and within the batch. Only
     * requests with valid fields are looked at: a value of an invalid request is not a claim on it.
     */
    private void uniqueness(List<NewUser> requests, List<Integer> rows, AttributeSchema schema, List<Checked> results) {
        var valid = new ArrayList<Integer>();
        for (var i = 0; i < requests.size(); i++) {
            if (results.get(i).invalid().isEmpty()) {
                valid.add(i);
            }
        }
        if (valid.isEmpty()) {
            return;
        }
        for (var name : schema.uniqueNames()) {
            var json = new HashMap<Integer, String>();
            for (var i : valid) {
                var value = results.get(i).attributeValues().get(name);
                if (value != null) {
                    json.put(i, AttributeValuesConverter.toJson(value));
                }
            }
            var held = values.takenAmong(name, json.values());
            var seen = new HashMap<String, Integer>();
            json.forEach((i, value) -> {
                var first = seen.putIfAbsent(value, rows.get(i));
                if (held.contains(value) || first != null) {
                    results.get(i)
                            .invalid()
                            .add(new FieldProblem(
                                    "attributes." + name,
                                    first == null
                                            ? "is already taken by another user"
                                            : "is already taken by row %d of this batch".formatted(first)));
                }
            });
        }
        var stillValid =
                valid.stream().filter(i -> results.get(i).invalid().isEmpty()).toList();
        unique(
                stillValid,
                requests,
                rows,
                results,
                "username",
                "username",
                request -> request.username().toLowerCase(Locale.ROOT),
                users::takenUsernames);
        unique(
                stillValid,
                requests,
                rows,
                results,
                "email",
                "email address",
                request -> request.email().toLowerCase(Locale.ROOT),
                users::takenEmails);
        unique(
                stillValid,
                requests,
                rows,
                results,
                "staff.employeeNumber",
                "employee number",
                request -> request.staff() == null ? null : request.staff().employeeNumber(),
                users::takenEmployeeNumbers);
    }

    private static void unique(
            List<Integer> candidates,
            List<NewUser> requests,
            List<Integer> rows,
            List<Checked> results,
            String field,
            String what,
            Function<NewUser, @Nullable String> key,
            Function<Collection<String>, List<String>> takenAmong) {
        var keys = new HashMap<Integer, String>();
        for (var i : candidates) {
            var value = key.apply(requests.get(i));
            if (value != null) {
                keys.put(i, value);
            }
        }
        if (keys.isEmpty()) {
            return;
        }
        var held = new HashSet<>(takenAmong.apply(new HashSet<>(keys.values())));
        var seen = new HashMap<String, Integer>();
        for (var i : candidates) {
            var value = keys.get(i);
            if (value == null) {
                continue;
            }
            var first = seen.putIfAbsent(value, rows.get(i));
            if (held.contains(value)) {
                results.get(i).taken().add(new Taken(field, what, 0));
            } else if (first != null) {
                results.get(i).taken().add(new Taken(field, what, first));
            }
        }
    }
}
