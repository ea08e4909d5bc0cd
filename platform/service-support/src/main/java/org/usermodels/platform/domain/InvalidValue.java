package org.usermodels.platform.domain;

/**
 * A value a domain type refuses to hold (a permission code outside the catalog, say), named as the API names
 * it. A value object throws it from its constructor; {@code ServiceProblemHandler} answers 400 with the field.
 */
public final class InvalidValue extends IllegalArgumentException {

    private final String field;

    public InvalidValue(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
