package org.usermodels.profile.profile;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Figures the database computes: headcount per department, the most common skills with their rank (a window
 * function over the grouped counts), and customers per preferred language with each language's share of all
 * customers (another window function: the sum over every group). docs/aggregation.md reads them.
 */
@Service
class ProfileStatistics {

    private final EntityManager entityManager;

    ProfileStatistics(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * @param headcountByDepartment the hundred largest departments
     * @param topSkills the ten skills most staff have
     * @param customersByLanguage the hundred most common preferred languages of customers
     */
    record Stats(
            @ArraySchema(maxItems = 100) List<Headcount> headcountByDepartment,
            @ArraySchema(maxItems = 10) List<SkillCount> topSkills,
            @ArraySchema(maxItems = 100) List<LanguageShare> customersByLanguage) {}

    record Headcount(
            @Schema(maxLength = 100) @Nullable String department,

            @Schema(minimum = "0", maximum = "9223372036854775807")
            long staff) {}

    record SkillCount(
            @Schema(maxLength = 100) String skill,

            @Schema(minimum = "0", maximum = "9223372036854775807")
            long staff,

            @Schema(minimum = "1", maximum = "5") BigDecimal averageLevel,

            @Schema(minimum = "0", maximum = "9223372036854775807")
            long rank) {}

    record LanguageShare(
            @Schema(maxLength = 35) @Nullable String language,

            @Schema(minimum = "0", maximum = "9223372036854775807")
            long customers,

            @Schema(minimum = "0", maximum = "100") BigDecimal percent) {}

    /**
     * Three statements in HQL, window functions included (Hibernate 6 speaks them): each builds its read model with
     * {@code select new}, so no row is an {@code Object[]} to pick apart.
     */
    @Transactional(readOnly = true)
    Stats stats() {
        var departments = entityManager
                .createQuery("""
                        select new org.usermodels.profile.profile.ProfileStatistics$Headcount(s.department, count(*))
                        from StaffProfile s
                        group by s.department
                        order by count(*) desc, s.department
                        """, Headcount.class)
                .setMaxResults(100)
                .getResultList();
        var skills = entityManager
                .createQuery("""
                        select new org.usermodels.profile.profile.ProfileStatistics$SkillCount(
                                   r.skill.name, count(*), round(cast(avg(r.level) as BigDecimal), 2),
                                   rank() over (order by count(*) desc))
                        from ProfileSkill r
                        group by r.skill.name
                        order by 4, r.skill.name
                        """, SkillCount.class)
                .setMaxResults(10)
                .getResultList();
        var languages = entityManager
                .createQuery("""
                        select new org.usermodels.profile.profile.ProfileStatistics$LanguageShare(
                                   c.preferredLanguage, count(*),
                                   round(100.0bd * count(*) / sum(count(*)) over (), 1))
                        from CustomerProfile c
                        group by c.preferredLanguage
                        order by count(*) desc, c.preferredLanguage
                        """, LanguageShare.class)
                .setMaxResults(100)
                .getResultList();
        return new Stats(departments, skills, languages);
    }
}
