package org.usermodels.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

/** {@code If-Match} as RFC 9110 section 13.1.1 reads it. */
class VersionsTest {

    @Test
    void anAsteriskMatchesEveryCurrentVersion() {
        var precondition = Versions.required(" * ");

        assertThat(precondition.any()).isTrue();
        assertThatCode(() -> precondition.check(0)).doesNotThrowAnyException();
        assertThatCode(() -> precondition.check(41)).doesNotThrowAnyException();
    }

    @Test
    void aListMatchesWhenOneOfItsTagsDoes() {
        var precondition = Versions.required("\"3\", \"7\"");

        assertThatCode(() -> precondition.check(7)).doesNotThrowAnyException();
        assertThat(status(() -> precondition.check(5))).isEqualTo(412);
    }

    @Test
    void aWeakTagNeverMatchesBecauseTheComparisonIsStrong() {
        var precondition = Versions.required("W/\"3\"");

        assertThat(status(() -> precondition.check(3))).isEqualTo(412);
    }

    @Test
    void aTagThatIsNoVersionOfOursMatchesNothing() {
        var precondition = Versions.required("\"abc\"");

        assertThat(precondition.versions()).isEmpty();
        assertThat(status(() -> precondition.check(0))).isEqualTo(412);
    }

    @Test
    void somethingThatIsNoListOfEntityTagsIsStale() {
        assertThat(status(() -> Versions.required("3"))).isEqualTo(412);
        assertThat(status(() -> Versions.required("\"3\",,"))).isEqualTo(412);
        assertThat(status(() -> Versions.required("*, \"3\""))).isEqualTo(412);
    }

    @Test
    void aMissingHeaderIsAPreconditionRequired() {
        assertThat(status(() -> Versions.required(null))).isEqualTo(428);
        assertThat(status(() -> Versions.required("  "))).isEqualTo(428);
    }

    private static int status(Runnable call) {
        var thrown = catchThrowableOfType(ErrorResponseException.class, call::run);
        assertThat(thrown).isNotNull();
        return thrown.getStatusCode().value();
    }
}
