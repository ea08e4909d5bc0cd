package org.usermodels.user.account;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.usermodels.platform.domain.TenantId;
import org.usermodels.platform.domain.UserId;

/** A staff member: a user with an employee number (unique in the tenant), department, title and hire date. */
@Entity
@Table(name = "staff_members")
@DiscriminatorValue("staff")
class StaffMember extends User {

    @Column(name = "employee_number", nullable = false, length = 40)
    private String employeeNumber;

    @Column(length = 100)
    private @Nullable String department;

    @Column(name = "job_title", length = 100)
    private @Nullable String jobTitle;

    @Column(name = "hire_date", nullable = false)
    private LocalDate hireDate;

    protected StaffMember() {}

    StaffMember(
            UserId id,
            TenantId tenantId,
            Profile profile,
            Map<String, Object> attributes,
            Instant joined,
            Employment employment) {
        super(id, tenantId, profile, attributes, joined);
        assign(employment, joined);
    }

    /**
     * The staff member's employment.
     *
     * @param department {@code null} when not assigned
     * @param jobTitle {@code null} when not assigned
     */
    record Employment(
            String employeeNumber,
            @Nullable String department,
            @Nullable String jobTitle,
            LocalDate hireDate) {}

    @Override
    UserType type() {
        return UserType.STAFF;
    }

    @Override
    void applyDetails(UserEdit edit, Instant now) {
        var fields = Objects.requireNonNull(edit.staff(), "the staff member's details");
        changeEmployment(
                new Employment(fields.employeeNumber(), fields.department(), fields.jobTitle(), fields.hireDate()),
                now);
    }

    @Override
    TypeDetails details() {
        return TypeDetails.of(new UserView.StaffDetails(employeeNumber, department, jobTitle, hireDate));
    }

    /**
     * Changes the employment details.
     *
     * @throws IllegalArgumentException if the hire date lies after {@code today}
     */
    void changeEmployment(Employment employment, Instant now) {
        assign(employment, now);
    }

    private void assign(Employment employment, Instant now) {
        var today = LocalDate.ofInstant(now, java.time.ZoneOffset.UTC);
        if (employment.hireDate().isAfter(today)) {
            throw new IllegalArgumentException("The hire date may not lie in the future");
        }
        this.employeeNumber = Objects.requireNonNull(employment.employeeNumber(), "employeeNumber");
        this.department = employment.department();
        this.jobTitle = employment.jobTitle();
        this.hireDate = employment.hireDate();
    }

    Employment employment() {
        return new Employment(employeeNumber, department, jobTitle, hireDate);
    }
}
