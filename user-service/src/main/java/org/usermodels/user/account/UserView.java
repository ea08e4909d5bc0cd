package org.usermodels.user.account;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.usermodels.platform.tenancy.TenantRef;
import org.usermodels.user.access.Access;
import org.usermodels.user.access.GroupAdministration;
import org.usermodels.user.access.GroupView;
import org.usermodels.user.access.Permissions;

/**
 * A user as the API shows it: a read model, never the entity. Exactly one of {@code customer},
 * {@code staff} and {@code partner} is present for a user of that type; {@code groups} and
 * {@code permissions} only when the user is read one by one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserView(
        UUID id,

        @Schema(allowableValues = {"user", "customer", "staff", "partner"})
        String type,

        @Schema(maxLength = 255) String username,
        @Schema(maxLength = 320) @Nullable String email,
        @Schema(maxLength = 255) @Nullable String firstName,
        @Schema(maxLength = 255) @Nullable String lastName,
        @Schema(allowableValues = {"ACTIVE", "DISABLED"}) String status,

        @Schema(maxLength = 35, description = "A BCP 47 language tag", example = "en-GB") @Nullable String locale,

        @Schema(maxLength = 64, description = "An IANA time zone", example = "Europe/Paris") @Nullable String timeZone,

        Instant dateJoined,
        @Nullable Instant lastLogin,

        @Schema(description = "The tenant's custom attributes, as it defines them (GET /api/tenant/attributes)")
        Map<String, Object> attributes,

        @Nullable CustomerDetails customer,
        @Nullable StaffDetails staff,
        @Nullable PartnerDetails partner,

        @ArraySchema(maxItems = GroupAdministration.MAX_GROUPS) @Nullable List<GroupView.Ref> groups,

        @ArraySchema(maxItems = 64, schema = @Schema(maxLength = 64, pattern = Permissions.PATTERN)) @Nullable List<String> permissions,

        @Nullable TenantRef tenant,

        @Schema(minimum = "0", maximum = "9223372036854775807")
        long version) {

    /** The same view with the tenant it belongs to, as {@code /api/users/me} answers. */
    UserView in(TenantRef tenant) {
        return new UserView(
                id,
                type,
                username,
                email,
                firstName,
                lastName,
                status,
                locale,
                timeZone,
                dateJoined,
                lastLogin,
                attributes,
                customer,
                staff,
                partner,
                groups,
                permissions,
                tenant,
                version);
    }

    public record CustomerDetails(
            @Schema(maxLength = 20) String customerNumber,

            @Schema(allowableValues = {"BRONZE", "SILVER", "GOLD"})
            String loyaltyTier,

            boolean marketingConsent,
            @Nullable Instant marketingConsentAt) {}

    public record StaffDetails(
            @Schema(maxLength = 40) String employeeNumber,
            @Schema(maxLength = 100) @Nullable String department,
            @Schema(maxLength = 100) @Nullable String jobTitle,
            LocalDate hireDate) {}

    public record PartnerDetails(
            @Schema(maxLength = 200) String companyName,
            @Schema(maxLength = 64) @Nullable String companyRegistrationId,

            @Schema(allowableValues = {"REGISTERED", "SELECT", "PREMIER"})
            String partnerTier) {}

    /** The user alone, as lists show them. */
    static UserView of(User user) {
        return of(user, null, null);
    }

    /** The user with their groups and effective permissions, as access says they stand. */
    static UserView of(User user, Access.Standing standing) {
        return of(user, standing.groups(), standing.permissions());
    }

    /** The user with their groups and effective permissions. */
    static UserView of(User user, @Nullable List<GroupView.Ref> groups, @Nullable List<String> permissions) {
        var details = user.details();
        var email = user.email();
        return new UserView(
                user.id().value(),
                user.type().code(),
                user.username().value(),
                email == null ? null : email.value(),
                user.firstName(),
                user.lastName(),
                user.status().name(),
                user.locale(),
                user.timeZone(),
                user.dateJoined(),
                user.lastLogin(),
                user.attributes(),
                details.customer(),
                details.staff(),
                details.partner(),
                groups,
                permissions,
                null,
                user.version());
    }
}
