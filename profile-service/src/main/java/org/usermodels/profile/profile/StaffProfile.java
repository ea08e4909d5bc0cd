package org.usermodels.profile.profile;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.usermodels.platform.domain.UserId;

/**
 * A staff member's profile: where they work, their manager (another staff profile: a self-reference) and
 * their skills (many-to-many with a level, through {@link ProfileSkill}).
 */
@Entity
@DiscriminatorValue("staff")
class StaffProfile extends Profile {

    @Column(length = 100)
    private @Nullable String department;

    @Column(length = 100)
    private @Nullable String title;

    @Column(name = "office_location", length = 100)
    private @Nullable String officeLocation;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "manager_id")
    private @Nullable StaffProfile manager;

    @OneToMany(mappedBy = "profile", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
    private Set<ProfileSkill> skills = new HashSet<>();

    protected StaffProfile() {}

    StaffProfile(UserId userId, @Nullable String displayName, Instant now) {
        super(userId, displayName, now);
    }

    @Override
    ProfileKind kind() {
        return ProfileKind.STAFF;
    }

    /** Their position, manager (read when first asked for) and skills (read with one query). */
    @Override
    ProfileView.KindDetails details(SkillsOf skills) {
        return new ProfileView.KindDetails(
                null,
                new ProfileView.StaffDetails(
                        department,
                        title,
                        officeLocation,
                        manager == null
                                ? null
                                : new ProfileView.PersonRef(manager.userId().value(), manager.displayName()),
                        skills.of(userId())),
                null);
    }

    @Override
    ProfileEdit.KindFields editFields() {
        return new ProfileEdit.KindFields(null, new ProfileEdit.Staff.Fields(department, title, officeLocation), null);
    }

    @Override
    void applyKindFields(ProfileEdit edit) {
        var fields = edit.staff();
        if (fields != null) {
            changePosition(new Position(fields.department(), fields.title(), fields.officeLocation()));
        }
    }

    @Override
    ProfileSearch.Summary summary() {
        return new ProfileSearch.Summary(userId().value(), kind().code(), displayName(), department, title);
    }

    /** Where a staff member works; {@code null} clears a field. */
    record Position(
            @Nullable String department,
            @Nullable String title,
            @Nullable String officeLocation) {}

    void changePosition(Position position) {
        this.department = position.department();
        this.title = position.title();
        this.officeLocation = position.officeLocation();
    }

    Position position() {
        return new Position(department, title, officeLocation);
    }

    /**
     * Sets the manager; the caller has checked that this closes no cycle (a recursive query does).
     *
     * @throws IllegalArgumentException for the profile itself
     */
    void reportTo(@Nullable StaffProfile newManager) {
        if (newManager != null && newManager.userId().equals(userId())) {
            throw new IllegalArgumentException("A staff member cannot manage themselves");
        }
        this.manager = newManager;
    }

    Optional<StaffProfile> manager() {
        return Optional.ofNullable(manager);
    }

    /** The most skills a staff member is rated in: the list is one response, bounded. */
    static final int MAX_SKILLS = 100;

    /**
     * Sets the level of a skill, adding the skill if the profile does not have it yet.
     *
     * @throws ProfileConflict when the skill is new and the profile has {@link #MAX_SKILLS} already
     */
    void rate(Skill skill, int level) {
        var rated =
                skills.stream().filter(rating -> rating.skill().equals(skill)).findFirst();
        if (rated.isPresent()) {
            rated.get().changeLevel(level);
        } else if (skills.size() >= MAX_SKILLS) {
            throw ProfileConflict.tooMany("skills", MAX_SKILLS);
        } else {
            skills.add(new ProfileSkill(this, skill, level));
        }
    }

    boolean forget(Skill skill) {
        return skills.removeIf(rating -> rating.skill().equals(skill));
    }

    Set<ProfileSkill> skills() {
        return Set.copyOf(skills);
    }
}
