package org.usermodels.user.account;

import org.jspecify.annotations.Nullable;

/**
 * The details that belong to a user's type, as the API shows them: at most one part is present, the one of
 * the user's type ({@link User#details()}; each subclass answers its own).
 */
record TypeDetails(
        UserView.@Nullable CustomerDetails customer,
        UserView.@Nullable StaffDetails staff,
        UserView.@Nullable PartnerDetails partner) {

    /** A user of the default model: no details. */
    static final TypeDetails NONE = new TypeDetails(null, null, null);

    static TypeDetails of(UserView.CustomerDetails customer) {
        return new TypeDetails(customer, null, null);
    }

    static TypeDetails of(UserView.StaffDetails staff) {
        return new TypeDetails(null, staff, null);
    }

    static TypeDetails of(UserView.PartnerDetails partner) {
        return new TypeDetails(null, null, partner);
    }
}
