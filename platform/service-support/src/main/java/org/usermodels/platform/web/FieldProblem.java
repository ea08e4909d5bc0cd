package org.usermodels.platform.web;

import org.jspecify.annotations.Nullable;

/**
 * One invalid field of a request, as problem responses list them under {@code errors}.
 *
 * @param field the field's JSON name or path, e.g. {@code email} or {@code attributes.badgeId}
 * @param message what is wrong with it
 */
public record FieldProblem(String field, String message) {

    public static FieldProblem of(String field, @Nullable String message) {
        return new FieldProblem(field, message == null ? "is invalid" : message);
    }
}
