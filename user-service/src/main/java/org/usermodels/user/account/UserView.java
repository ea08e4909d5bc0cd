package org.usermodels.user.account;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.usermodels.platform.tenancy.TenantRef;

/**
 * A user as the API shows it: a read model, never the entity. Exactly one of {@code customer},
 * {@code staff} and {@code partner} is present for a user of that type; {@code groups} and
 * {@code permissions} only when the user is read one by one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserView(
        UUID id,
        String type,
        String username,
        @Nullable String email,
        @Nullable String firstName,
        @Nullable String lastName,
        String status,
        @Nullable String locale,
        @Nullable String timeZone,
        Instant dateJoined,
        @Nullable Instant lastLogin,
        Map<String, Object> attributes,
        @Nullable CustomerDetails customer,
        @Nullable StaffDetails staff,
        @Nullable PartnerDetails partner,
        @Nullable List<GroupView.Ref> groups,
        @Nullable List<String> permissions,
        @Nullable TenantRef tenant,
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
            String customerNumber,
            String loyaltyTier,
            boolean marketingConsent,
            @Nullable Instant marketingConsentAt) {}

    public record StaffDetails(
            String employeeNumber,
            @Nullable String department,
            @Nullable String jobTitle,
            LocalDate hireDate) {}

    public record PartnerDetails(
            String companyName, @Nullable String companyRegistrationId, String partnerTier) {}

    /** The user alone, as lists show them. */
    static UserView of(User user) {
        return of(user, null, null);
    }

    /** The user with their groups and effective permissions. */
    static UserView of(User user, @Nullable List<GroupView.Ref> groups, @Nullable List<String> permissions) {
        CustomerDetails customer = null;
        StaffDetails staff = null;
        PartnerDetails partner = null;
        switch (user) {
            case Customer c ->
                customer = new CustomerDetails(
                        c.customerNumber(), c.loyaltyTier().name(), c.marketingConsent(), c.marketingConsentAt());
            case StaffMember s -> {
                var employment = s.employment();
                staff = new StaffDetails(
                        employment.employeeNumber(),
                        employment.department(),
                        employment.jobTitle(),
                        employment.hireDate());
            }
            case PartnerContact p -> {
                var company = p.company();
                partner = new PartnerDetails(
                        company.name(), company.registrationId(), company.tier().name());
            }
            default -> {}
        }
        return new UserView(
                user.id(),
                user.type().code(),
                user.username(),
                user.email(),
                user.firstName(),
                user.lastName(),
                user.status().name(),
                user.locale(),
                user.timeZone(),
                user.dateJoined(),
                user.lastLogin(),
                user.attributes(),
                customer,
                staff,
                partner,
                groups,
                permissions,
                null,
                user.version());
    }

    static List<GroupView.Ref> groupsOf(User user) {
        return user.groups().stream()
                .map(group -> new GroupView.Ref(group.id(), group.name()))
                .sorted(Comparator.comparing(GroupView.Ref::name))
                .toList();
    }
}
