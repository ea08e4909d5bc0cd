package org.usermodels.user.attribute;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.usermodels.platform.domain.UserId;

/**
 * Where the current tenant's users keep their attribute values. Implemented next to the users, which own
 * the {@code attributes} column; defined here so that redefining attributes can migrate the values, as a
 * schema migration would a column's.
 */
public interface AttributeValueStore {

    /** How many users have no value for the attribute. */
    long countWithout(String name);

    /** Gives every user without a value for the attribute the value {@code json} (a JSON text). */
    int backfill(String name, String json);

    /** Removes the attribute's value from every user. */
    int strip(String name);

    /** Every user's value of the attribute, as JSON values read back into Java. */
    List<StoredValue> valuesOf(String name);

    /** Values of the attribute held by more than one user (at most a few of them). */
    List<Object> duplicates(String name);

    /** Whether a user other than {@code except} holds this value (a JSON text) of the attribute. */
    boolean taken(String name, String json, @Nullable UserId except);

    /** Serialises writes of a unique attribute's values in the tenant until the transaction ends. */
    void lockUnique(String name);

    /** One user's value. */
    record StoredValue(UserId userId, Object value) {}
}
