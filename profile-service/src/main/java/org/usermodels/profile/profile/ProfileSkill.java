package org.usermodels.profile.profile;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.Table;
import java.util.UUID;
import org.usermodels.platform.domain.UserId;

/**
 * The association between a staff profile and a skill, with what a plain {@code @ManyToMany} cannot hold: the
 * level (1 to 5). Its key is the pair of the two ids.
 */
@Entity
@Table(name = "profile_skills")
class ProfileSkill {

    /** The composite key: profile and skill. */
    @Embeddable
    record Key(
            @Column(name = "profile_id") UserId profileId,
            @Column(name = "skill_id") UUID skillId) {}

    @EmbeddedId
    private Key key;

    @MapsId("profileId")
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "profile_id")
    private StaffProfile profile;

    @MapsId("skillId")
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "skill_id")
    private Skill skill;

    @Column(nullable = false)
    private short level;

    protected ProfileSkill() {}

    ProfileSkill(StaffProfile profile, Skill skill, int level) {
        this.key = new Key(profile.userId(), skill.getId());
        this.profile = profile;
        this.skill = skill;
        changeLevel(level);
    }

    /** The scale of levels. */
    static final int LOWEST = 1;

    static final int HIGHEST = 5;

    /** @throws IllegalArgumentException outside {@value #LOWEST} to {@value #HIGHEST} */
    void changeLevel(int level) {
        if (level < LOWEST || level > HIGHEST) {
            throw new IllegalArgumentException("A level is between 1 and 5");
        }
        this.level = (short) level;
    }

    Skill skill() {
        return skill;
    }

    int level() {
        return level;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || (other instanceof ProfileSkill rating && key.equals(rating.key));
    }

    @Override
    public int hashCode() {
        return ProfileSkill.class.hashCode();
    }
}
