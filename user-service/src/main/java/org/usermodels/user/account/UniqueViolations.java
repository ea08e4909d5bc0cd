package org.usermodels.user.account;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Turns a unique constraint the database enforced into the 409 a client understands. The service checks
 * uniqueness before writing, but two requests can race past the check; then the database decides.
 */
final class UniqueViolations {

    private static final Map<String, Supplier<Conflict>> BY_CONSTRAINT = Map.of(
            "users_pkey", () -> Conflict.taken("id", "id"),
            "users_username_per_tenant", () -> Conflict.taken("username", "username"),
            "users_email_per_tenant", () -> Conflict.taken("email", "email address"),
            "staff_employee_number_per_tenant", () -> Conflict.taken("staff.employeeNumber", "employee number"));

    private UniqueViolations() {}

    static Optional<Conflict> conflictOf(Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation && violation.getConstraintName() != null) {
                return Optional.ofNullable(BY_CONSTRAINT.get(violation.getConstraintName()))
                        .map(Supplier::get);
            }
        }
        return Optional.empty();
    }

    /** The failure as a 409 when it is a known unique violation, else unchanged. */
    static RuntimeException translate(RuntimeException failure) {
        return conflictOf(failure).<RuntimeException>map(conflict -> conflict).orElse(failure);
    }
}
