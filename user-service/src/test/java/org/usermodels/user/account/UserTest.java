package org.usermodels.user.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.usermodels.platform.domain.IllegalTransition;
import org.usermodels.platform.domain.TenantId;
import org.usermodels.user.outbox.DomainEvent;
import org.usermodels.user.outbox.NumberedEvent;

/** The rules a user keeps by itself, without a database: its events, its transitions, its type's details. */
class UserTest {

    private static final TenantId TENANT = TenantId.of(UUID.randomUUID());
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void aNewUserRecordsItsRegistrationAsItsFirstEvent() {
        var user = UserBuilder.aUser()
                .tenant(TENANT)
                .username("Ada")
                .email("ada@example.com")
                .build();

        assertThat(user.recordedEvents())
                .containsExactly(new NumberedEvent(
                        new DomainEvent.UserRegistered(
                                TENANT.value(), user.id().value(), "user", "ada", "ada@example.com", "Ada", "Lovelace"),
                        1));
        assertThat(user.eventSequence()).isEqualTo(1);
    }

    @Test
    void eachChangeRecordsTheNextEventInTheUsersSequence() {
        var user = UserBuilder.aUser().tenant(TENANT).build();

        user.edit(UserBuilder.editOf(user).withStatus(UserStatus.DISABLED), Map.of(), NOW);
        user.delete(NOW);

        assertThat(user.recordedEvents())
                .extracting(
                        NumberedEvent::sequence, numbered -> numbered.event().type())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1L, "UserRegistered"),
                        org.assertj.core.groups.Tuple.tuple(2L, "UserUpdated"),
                        org.assertj.core.groups.Tuple.tuple(3L, "UserDeleted"));
        assertThat(((DomainEvent.UserUpdated) user.recordedEvents().get(1).event()).status())
                .isEqualTo("DISABLED");
    }

    @Test
    void aDisabledUserCannotBeDisabledAgainNorAnActiveOneEnabled() {
        var user = UserBuilder.aUser().build();

        assertThatThrownBy(user::enable)
                .isInstanceOf(IllegalTransition.class)
                .hasMessage("A user that is ACTIVE cannot be enabled");
        user.disable();
        assertThatThrownBy(user::disable)
                .isInstanceOf(IllegalTransition.class)
                .hasMessage("A user that is DISABLED cannot be disabled");
        assertThat(user.status()).isEqualTo(UserStatus.DISABLED);
    }

    @Test
    void askingForTheStatusAUserHasIsNoTransition() {
        var user = UserBuilder.aUser().build();

        user.changeStatus(UserStatus.ACTIVE);
        assertThat(user.status()).isEqualTo(UserStatus.ACTIVE);
        user.changeStatus(UserStatus.DISABLED);
        assertThat(user.status()).isEqualTo(UserStatus.DISABLED);
    }

    @Test
    void aDeletedUserCannotBeDeletedAgain() {
        var user = UserBuilder.aUser().build();
        user.delete(NOW);

        assertThatThrownBy(() -> user.delete(NOW)).isInstanceOf(IllegalStateException.class);
        assertThat(user.status()).isEqualTo(UserStatus.DISABLED);
    }

    @Test
    void onlyARowBroughtBackFromADeletionCanBeRestored() {
        var marked = UserBuilder.aUser().build();
        marked.delete(NOW);
        var active = UserBuilder.aUser().build();

        assertThatThrownBy(marked::restored)
                .as("still marked deleted: DeletedUsers.undelete comes first")
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(active::restored).isInstanceOf(IllegalStateException.class);
        assertThat(active.status()).isEqualTo(UserStatus.ACTIVE);
    }

    @Test
    void aRestoredUserIsActiveAndRecordsTheNextEventOfTheirSequence() {
        // the row as DeletedUsers.undelete leaves it: no longer marked, still disabled by the deletion
        var user = UserBuilder.aUser().tenant(TENANT).username("Ada").build();
        user.disable();

        user.restored();

        assertThat(user.status()).isEqualTo(UserStatus.ACTIVE);
        assertThat(user.recordedEvents().getLast())
                .isEqualTo(new NumberedEvent(
                        new DomainEvent.UserRestored(
                                TENANT.value(),
                                user.id().value(),
                                "user",
                                "ada",
                                user.email().value(),
                                "Ada",
                                "Lovelace"),
                        2));
    }

    @Test
    void eachTypeShowsItsOwnDetailsAndNoOther() {
        assertThat(UserBuilder.aUser().build().details()).isEqualTo(TypeDetails.NONE);

        var customer = UserBuilder.aUser().buildCustomer("C-000007");
        assertThat(customer.details().customer()).isNotNull();
        assertThat(customer.details().staff()).isNull();
        assertThat(customer.details().partner()).isNull();

        var staff = UserBuilder.aUser().buildStaffMember("E-1", LocalDate.parse("2020-01-01"));
        assertThat(staff.details().staff().employeeNumber()).isEqualTo("E-1");
        assertThat(staff.details().customer()).isNull();

        var partner = UserBuilder.aUser().buildPartner("Acme");
        assertThat(partner.details().partner().partnerTier()).isEqualTo("REGISTERED");
        assertThat(partner.details().staff()).isNull();
    }

    @Test
    void anEditAppliesTheDetailsOfTheUsersOwnType() {
        var customer = UserBuilder.aUser().buildCustomer("C-000007");
        var edit =
                UserBuilder.editOf(customer).withCustomer(new NewUser.CustomerFields(Customer.LoyaltyTier.GOLD, true));

        customer.edit(edit, Map.of(), NOW);

        assertThat(customer.details().customer())
                .isEqualTo(new UserView.CustomerDetails("C-000007", "GOLD", true, NOW));
    }

    @Test
    void aStaffMemberRefusesAHireDateInTheFuture() {
        var staff = UserBuilder.aUser().buildStaffMember("E-1", LocalDate.parse("2020-01-01"));
        var edit = UserBuilder.editOf(staff)
                .email("changed@example.com")
                .withStaff(new NewUser.StaffFields("E-1", null, null, LocalDate.parse("2027-01-01")));

        assertThatThrownBy(() -> staff.edit(edit, Map.of(), NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("future");
        assertThat(staff.details().staff().hireDate()).isEqualTo(LocalDate.parse("2020-01-01"));
        assertThat(staff.email()).as("the edit's other changes").isEqualTo(new EmailAddress("ada@example.com"));
        assertThat(staff.recordedEvents()).hasSize(1);
    }

    @Test
    void takingOverKeycloaksStateDisablesWithoutRefusingAndRecordsOneUpdate() {
        var user = UserBuilder.aUser().build();

        user.takeOverIdentity("new@example.com", "Ada", "King", false);

        assertThat(user.status()).isEqualTo(UserStatus.DISABLED);
        assertThat(user.email()).isEqualTo(new EmailAddress("new@example.com"));
        assertThat(user.recordedEvents())
                .last()
                .satisfies(numbered -> assertThat(numbered.event()).isInstanceOf(DomainEvent.UserUpdated.class));
    }
}
