package org.usermodels.user.account;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.usermodels.platform.web.LanguageTag;

/**
 * A request to create a user. {@code type} selects the model ({@code user} when absent); the object named
 * like the type carries its own fields ({@code staff} for {@code "type": "staff"}), and the others must be
 * absent. The initial {@code password} goes to Keycloak only: it is never logged here, and never stored but in
 * a bulk import's staged row until that row is processed (or its job fails), docs/bulk-import.md.
 */
public record NewUser(
        @Schema(
                allowableValues = {"user", "customer", "staff", "partner"},
                defaultValue = "user")
        @Nullable String type,

        @NotBlank @Size(max = 100) @Pattern(regexp = "[a-zA-Z0-9._@-]+", message = "may contain letters, digits, '.', '_', '@' and '-' only") String username,

        @NotBlank @Size(max = 254) @Email(regexp = ".+@.+\\..+", message = "must be an email address") String email,

        @NotBlank @Size(max = 255) String firstName,
        @NotBlank @Size(max = 255) String lastName,

        @Schema(maxLength = 35, description = "A BCP 47 language tag", example = "en-GB") @Nullable @LanguageTag
        String locale,

        @Schema(maxLength = 64, description = "An IANA time zone", example = "Europe/Paris") @Nullable @TimeZoneId
        String timeZone,

        @Nullable @Size(min = 8, max = 128) String password,

        @Schema(
                description =
                        "Values of the tenant's custom attributes, as it defines them (GET /api/tenant/attributes)")
        @Nullable Map<String, Object> attributes,

        @Nullable @Valid CustomerFields customer,
        @Nullable @Valid StaffFields staff,
        @Nullable @Valid PartnerFields partner) {

    /**
     * A customer's fields.
     *
     * @param loyaltyTier {@code BRONZE} when absent
     * @param marketingConsent {@code false} when absent
     */
    public record CustomerFields(
            Customer.@Nullable LoyaltyTier loyaltyTier,
            @Nullable Boolean marketingConsent) {}

    public record StaffFields(
            @NotBlank @Size(max = 40) String employeeNumber,
            @Nullable @Size(max = 100) String department,
            @Nullable @Size(max = 100) String jobTitle,
            @NotNull @PastOrPresent LocalDate hireDate) {}

    /** A partner contact's fields; {@code partnerTier} is {@code REGISTERED} when absent. */
    public record PartnerFields(
            @NotBlank @Size(max = 200) String companyName,
            @Nullable @Size(max = 64) String companyRegistrationId,
            PartnerContact.@Nullable PartnerTier partnerTier) {}

    /** The same request without its password: what idempotency keys fingerprint. */
    public NewUser withoutSecrets() {
        return new NewUser(
                type,
                username,
                email,
                firstName,
                lastName,
                locale,
                timeZone,
                null,
                attributes,
                customer,
                staff,
                partner);
    }

    Map<String, Object> attributesOrEmpty() {
        return attributes == null ? Map.of() : attributes;
    }

    @Override
    public String toString() {
        return "NewUser[type=%s, username=%s, email=%s, password=%s]"
                .formatted(type, username, email, password == null ? "none" : "******");
    }
}
