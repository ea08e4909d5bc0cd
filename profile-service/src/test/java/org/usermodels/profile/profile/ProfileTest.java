package org.usermodels.profile.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.usermodels.profile.profile.ProfileBuilder.NOW;
import static org.usermodels.profile.profile.ProfileBuilder.aProfile;
import static org.usermodels.profile.profile.ProfileBuilder.address;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The rules a profile keeps itself, proven without Spring or a database. */
class ProfileTest {

    @Test
    void aNewPrimaryAddressDemotesTheOldOne() {
        var profile = aProfile().basic();
        var home = profile.addAddress(address("Home 1", true), NOW);

        var office = profile.addAddress(address("Office 2", true), NOW);

        assertThat(profile.primaryAddress()).contains(office);
        assertThat(home.primary()).isFalse();
        assertThat(profile.addresses()).filteredOn(Address::primary).containsExactly(office);
    }

    @Test
    void anAddressMadePrimaryDemotesTheCurrentOneAndStaysPrimaryItself() {
        var profile = aProfile().customer();
        var home = profile.addAddress(address("Home 1", true), NOW);
        var office = profile.addAddress(address("Office 2", false), NOW);

        profile.changeAddress(office, address("Office 2", true));
        profile.changeAddress(office, address("Office 2b", true));

        assertThat(profile.primaryAddress()).contains(office);
        assertThat(home.primary()).isFalse();
    }

    @Test
    void aProfileHoldsAtMostTwentyAddresses() {
        var profile = aProfile().basic();
        IntStream.range(0, Profile.MAX_ADDRESSES).forEach(n -> profile.addAddress(address("Street " + n, false), NOW));

        assertThatThrownBy(() -> profile.addAddress(address("One too many", false), NOW))
                .isInstanceOf(ProfileConflict.class);
        assertThat(profile.addresses()).hasSize(Profile.MAX_ADDRESSES);
    }

    @Test
    void anotherProfilesAddressCannotBeChangedThroughThisOne() {
        var theirs = aProfile().basic().addAddress(address("Theirs 1", false), NOW);
        var profile = aProfile().basic();

        assertThatThrownBy(() -> profile.changeAddress(theirs, address("Mine now", true)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(profile.primaryAddress()).isEmpty();
    }

    @Test
    void aStaffMemberCannotManageThemselves() {
        var ada = aProfile().staff();
        var grace = aProfile().named("Grace Hopper").staff();

        ada.reportTo(grace);
        assertThatThrownBy(() -> ada.reportTo(ada)).isInstanceOf(IllegalArgumentException.class);

        assertThat(ada.manager()).contains(grace);
    }

    @Test
    void aSkillRatedAgainKeepsOneRatingWithTheNewLevel() {
        var ada = aProfile().staff();
        var java = new Skill("Java");

        ada.rate(java, 3);
        ada.rate(java, 5);

        assertThat(ada.skills())
                .singleElement()
                .satisfies(rating -> assertThat(rating.level()).isEqualTo(5));
    }

    @Test
    void aLevelOutsideOneToFiveIsRefusedAndTheRatingKept() {
        var ada = aProfile().staff();
        var java = new Skill("Java");
        ada.rate(java, 4);

        assertThatThrownBy(() -> ada.rate(java, 6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ada.rate(new Skill("Go"), 0)).isInstanceOf(IllegalArgumentException.class);

        assertThat(ada.skills())
                .singleElement()
                .satisfies(rating -> assertThat(rating.level()).isEqualTo(4));
    }

    @Test
    void aStaffMemberIsRatedInAtMostAHundredSkills() {
        var ada = aProfile().staff();
        IntStream.range(0, StaffProfile.MAX_SKILLS).forEach(n -> ada.rate(new Skill("skill-" + n), 3));

        assertThatThrownBy(() -> ada.rate(new Skill("one too many"), 3)).isInstanceOf(ProfileConflict.class);
        assertThat(ada.skills()).hasSize(StaffProfile.MAX_SKILLS);
    }
}
