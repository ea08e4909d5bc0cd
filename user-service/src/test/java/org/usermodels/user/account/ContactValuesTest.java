package org.usermodels.user.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.usermodels.platform.domain.InvalidValue;

/** The values a user is made of check themselves, whoever builds the user: the API, an import, a first call. */
class ContactValuesTest {

    @Test
    void aUsernameIsHeldInLowerCaseSoThatItIsUniqueWhateverItsCase() {
        assertThat(new Username("Ada.Lovelace")).isEqualTo(new Username("ada.lovelace"));
        assertThat(new Username("ADA").value()).isEqualTo("ada");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "ada lovelace", "ada\tl", "ada\u0000"})
    void aUsernameWithoutCharactersOrWithWhiteSpaceOrControlsIsRefusedAsTheUsernameField(String refused) {
        assertThatThrownBy(() -> new Username(refused))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("username"));
    }

    @Test
    void aUsernameLongerThanTheColumnIsRefused() {
        assertThat(new Username("a".repeat(Username.MAX)).value()).hasSize(Username.MAX);
        assertThatThrownBy(() -> new Username("a".repeat(Username.MAX + 1))).isInstanceOf(InvalidValue.class);
    }

    @Test
    void anEmailAddressKeepsItsCase() {
        assertThat(new EmailAddress("Ada.Lovelace@Example.org").value()).isEqualTo("Ada.Lovelace@Example.org");
        assertThat(EmailAddress.ofNullable(null)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ada", "@example.org", "ada@", "ada @example.org", "ada@exa mple.org"})
    void anEmailAddressWithoutLocalPartAndDomainOrWithWhiteSpaceIsRefusedAsTheEmailField(String refused) {
        assertThatThrownBy(() -> new EmailAddress(refused))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("email"));
    }

    @Test
    void anEmailAddressLongerThanAPathMayBeIsRefused() {
        var longest = "a".repeat(EmailAddress.MAX - "@example.org".length()) + "@example.org";
        assertThat(new EmailAddress(longest).value()).hasSize(EmailAddress.MAX);
        assertThatThrownBy(() -> new EmailAddress("a" + longest)).isInstanceOf(InvalidValue.class);
    }
}
