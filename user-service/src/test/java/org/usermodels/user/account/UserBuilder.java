package org.usermodels.user.account;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.usermodels.platform.domain.TenantId;
import org.usermodels.platform.domain.UserId;

/** Users for tests of the model, built without a database: defaults for everything a test does not name. */
final class UserBuilder {

    private UserId id = UserId.of(UUID.randomUUID());
    private TenantId tenant = TenantId.of(UUID.randomUUID());
    private String username = "ada";
    private String email = "ada@example.com";
    private String firstName = "Ada";
    private String lastName = "Lovelace";
    private Instant joined = Instant.parse("2026-01-01T00:00:00Z");

    private UserBuilder() {}

    static UserBuilder aUser() {
        return new UserBuilder();
    }

    UserBuilder tenant(TenantId tenant) {
        this.tenant = tenant;
        return this;
    }

    UserBuilder username(String username) {
        this.username = username;
        return this;
    }

    UserBuilder email(String email) {
        this.email = email;
        return this;
    }

    User build() {
        return new User(id, tenant, profile(), Map.of(), joined);
    }

    Customer buildCustomer(String customerNumber) {
        return new Customer(id, tenant, profile(), Map.of(), joined, customerNumber, Customer.LoyaltyTier.BRONZE);
    }

    StaffMember buildStaffMember(String employeeNumber, LocalDate hireDate) {
        return new StaffMember(
                id,
                tenant,
                profile(),
                Map.of(),
                joined,
                new StaffMember.Employment(employeeNumber, null, null, hireDate));
    }

    PartnerContact buildPartner(String company) {
        return new PartnerContact(
                id,
                tenant,
                profile(),
                Map.of(),
                joined,
                new PartnerContact.Company(company, null, PartnerContact.PartnerTier.REGISTERED));
    }

    private User.Profile profile() {
        return new User.Profile(new Username(username), new EmailAddress(email), firstName, lastName, null, null);
    }

    /** An edit of {@code user} that starts from the user as they are and changes what a test names. */
    static EditOf editOf(User user) {
        return new EditOf(UserEdit.of(user));
    }

    static final class EditOf {

        private final UserEdit start;
        private String email;
        private UserStatus status;
        private NewUser.@Nullable CustomerFields customer;
        private NewUser.@Nullable StaffFields staff;

        private EditOf(UserEdit start) {
            this.start = start;
            this.email = start.email();
            this.status = start.status();
            this.customer = start.customer();
            this.staff = start.staff();
        }

        EditOf email(String email) {
            this.email = email;
            return this;
        }

        UserEdit withStatus(UserStatus status) {
            this.status = status;
            return edit();
        }

        UserEdit withCustomer(NewUser.CustomerFields customer) {
            this.customer = customer;
            return edit();
        }

        UserEdit withStaff(NewUser.StaffFields staff) {
            this.staff = staff;
            return edit();
        }

        UserEdit edit() {
            return new UserEdit(
                    start.type(),
                    start.username(),
                    email,
                    start.firstName(),
                    start.lastName(),
                    status,
                    start.locale(),
                    start.timeZone(),
                    start.attributes(),
                    customer,
                    staff,
                    start.partner());
        }
    }
}
