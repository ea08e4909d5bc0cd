package org.usermodels.user.tenant;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A request to create a tenant. The optional {@code admin} becomes the tenant's first user, member of its
 * {@code admins} group; their password goes to Keycloak only.
 *
 * @param slug lower-case letters, digits and hyphens, 3 to 40 characters: the organization's alias
 * @param userTypes among {@code user}, {@code customer}, {@code staff}, {@code partner}
 */
record NewTenant(
        @Schema(maxLength = 40)
        @NotBlank @Pattern(regexp = "[a-z0-9-]{3,40}", message = "must be 3 to 40 lower-case letters, digits and hyphens") String slug,

        @NotBlank @Size(max = 200) String displayName,

        @NotEmpty @Size(max = 4) @ArraySchema(schema = @Schema(allowableValues = {"user", "customer", "staff", "partner"}))
        List<@NotBlank String> userTypes,

        @Nullable @Valid Admin admin) {

    record Admin(
            @NotBlank @Size(max = 100) @Pattern(regexp = "[a-zA-Z0-9._@-]+", message = "may contain letters, digits, '.', '_', '@' and '-' only") String username,

            @NotBlank @Size(max = 254) @Email(regexp = ".+@.+\\..+", message = "must be an email address") String email,

            @NotBlank @Size(max = 255) String firstName,
            @NotBlank @Size(max = 255) String lastName,
            @Nullable @Size(min = 8, max = 128) String password) {

        Admin withoutPassword() {
            return new Admin(username, email, firstName, lastName, null);
        }

        @Override
        public String toString() {
            return "Admin[username=%s, email=%s, password=%s]"
                    .formatted(username, email, password == null ? "none" : "******");
        }
    }

    /** The request as it is fingerprinted: without the password, and with the types in a fixed order. */
    NewTenant withoutSecrets() {
        return new NewTenant(
                slug,
                displayName,
                userTypes.stream().distinct().sorted().toList(),
                admin == null ? null : admin.withoutPassword());
    }
}
