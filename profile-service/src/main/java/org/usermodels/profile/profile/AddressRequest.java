package org.usermodels.profile.profile;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.usermodels.platform.web.InvalidRequest;

/**
 * An address as clients send it. {@code country} is an ISO 3166-1 alpha-2 code; {@code phone} a number in
 * international format or local to the country, stored in E.164.
 */
record AddressRequest(
        @Nullable @Size(max = 50) String label,
        @NotBlank @Size(max = 200) String line1,
        @Nullable @Size(max = 200) String line2,
        @NotBlank @Size(max = 100) String city,
        @Nullable @Size(max = 20) String postalCode,
        @Nullable @Size(max = 100) String region,

        @Schema(maxLength = 2, pattern = "^[A-Za-z]{2}$", description = "ISO 3166-1 alpha-2", example = "CH")
        @NotBlank @Size(max = 8) String country,

        @Schema(maxLength = 32, description = "International, or local to the country", example = "044 668 18 00")
        @Nullable @Size(max = 32) String phone,

        @Nullable Boolean primary) {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final PhoneNumberUtil phoneNumbers = PhoneNumberUtil.getInstance();

    /**
     * The address's details, normalised.
     *
     * @throws InvalidRequest for an unknown country or an invalid phone number
     */
    Address.Details details() {
        var code = country.strip().toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(code)) {
            throw InvalidRequest.field("country", "must be an ISO 3166-1 alpha-2 country code, such as CH or US");
        }
        String e164 = null;
        if (phone != null && !phone.isBlank()) {
            try {
                var number = phoneNumbers.parse(phone, code);
                if (!phoneNumbers.isValidNumber(number)) {
                    throw InvalidRequest.field("phone", "is not a valid phone number for " + code);
                }
                e164 = phoneNumbers.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
            } catch (NumberParseException e) {
                throw InvalidRequest.field("phone", "is not a phone number");
            }
        }
        return new Address.Details(
                label, line1, line2, city, postalCode, region, code, e164, Boolean.TRUE.equals(primary));
    }
}
