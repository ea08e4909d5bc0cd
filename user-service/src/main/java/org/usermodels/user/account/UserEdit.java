package org.usermodels.user.account;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.usermodels.platform.web.LanguageTag;

/**
 * A user's editable representation: what {@code PATCH /api/users/{id}} merges its patch into
 * (JSON Merge Patch), and what the result must satisfy.
 */
record UserEdit(
        @Schema(
                allowableValues = {"user", "customer", "staff", "partner"},
                description = "Fixed: only its own" + " value is accepted")
        @Nullable String type,

        @Schema(maxLength = 100) @Nullable String username,

        @NotBlank @Size(max = 254) @Email(regexp = ".+@.+\\..+", message = "must be an email address") String email,

        @NotBlank @Size(max = 255) String firstName,
        @NotBlank @Size(max = 255) String lastName,
        @NotNull UserStatus status,
        @Schema(maxLength = 35) @Nullable @LanguageTag String locale,
        @Schema(maxLength = 64) @Nullable @TimeZoneId String timeZone,

        @Schema(description = "Values of the tenant's custom attributes; a null value removes one") @Nullable Map<String, Object> attributes,

        @Valid NewUser.@Nullable CustomerFields customer,
        @Valid NewUser.@Nullable StaffFields staff,
        @Valid NewUser.@Nullable PartnerFields partner) {

    /** The members a patch may name, at the top level and in each type's object. */
    static final Set<String> FIELDS = Set.of(
            "type",
            "username",
            "email",
            "firstName",
            "lastName",
            "status",
            "locale",
            "timeZone",
            "attributes",
            "customer",
            "staff",
            "partner");

    static final Map<String, Set<String>> DETAIL_FIELDS = Map.of(
            "customer", Set.of("loyaltyTier", "marketingConsent"),
            "staff", Set.of("employeeNumber", "department", "jobTitle", "hireDate"),
            "partner", Set.of("companyName", "companyRegistrationId", "partnerTier"));

    /** The user as an edit starts from: their current state, with the details of their type. */
    static UserEdit of(User user) {
        var details = user.details();
        var customer = details.customer() == null
                ? null
                : new NewUser.CustomerFields(
                        Customer.LoyaltyTier.valueOf(details.customer().loyaltyTier()),
                        details.customer().marketingConsent());
        var staff = details.staff() == null
                ? null
                : new NewUser.StaffFields(
                        details.staff().employeeNumber(),
                        details.staff().department(),
                        details.staff().jobTitle(),
                        details.staff().hireDate());
        var partner = details.partner() == null
                ? null
                : new NewUser.PartnerFields(
                        details.partner().companyName(),
                        details.partner().companyRegistrationId(),
                        PartnerContact.PartnerTier.valueOf(details.partner().partnerTier()));
        var email = user.email();
        return new UserEdit(
                user.type().code(),
                user.username().value(),
                email == null ? "" : email.value(),
                user.firstName() == null ? "" : user.firstName(),
                user.lastName() == null ? "" : user.lastName(),
                user.status(),
                user.locale(),
                user.timeZone(),
                user.attributes(),
                customer,
                staff,
                partner);
    }

    /** The types whose details this edit carries ({@code customer}, {@code staff}, {@code partner}). */
    Set<UserType> typesWithDetails() {
        var types = EnumSet.noneOf(UserType.class);
        if (customer != null) {
            types.add(UserType.CUSTOMER);
        }
        if (staff != null) {
            types.add(UserType.STAFF);
        }
        if (partner != null) {
            types.add(UserType.PARTNER);
        }
        return types;
    }
}
