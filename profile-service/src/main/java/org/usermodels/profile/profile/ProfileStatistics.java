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
 * customers (another window function: the sum over every group); the three top skills of each department (a
 * lateral subquery), ratings in bands (a {@code case} expression grouped), and the skills of more than one
 * department (kept by {@code having}). docs/aggregation.md and docs/thinking-in-orm.md read them.
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
     * @param topSkillsByDepartment the three skills most staff of each department have, for the hundred
     *     departments first by name
     * @param skillLevels how many ratings are expert (4 or 5), practised (2 or 3) or beginner (1)
     * @param skillsAcrossDepartments the skills staff of two departments or more have, the most widespread first
     */
    record Stats(
            @ArraySchema(maxItems = 100) List<Headcount> headcountByDepartment,
            @ArraySchema(maxItems = 10) List<SkillCount> topSkills,
            @ArraySchema(maxItems = 100) List<LanguageShare> customersByLanguage,
            @ArraySchema(maxItems = 300) List<DepartmentSkill> topSkillsByDepartment,
            @ArraySchema(maxItems = 3) List<LevelBand> skillLevels,
            @ArraySchema(maxItems = 100) List<SharedSkill> skillsAcrossDepartments) {}

    record DepartmentSkill(
            @Schema(maxLength = 100) String department,
            @Schema(maxLength = 100) String skill,

            @Schema(minimum = "0", maximum = "9223372036854775807")
            long staff) {}

    record LevelBand(
            @Schema(allowableValues = {"beginner", "practised", "expert"})
            String band,

            @Schema(minimum = "0", maximum = "9223372036854775807")
            long ratings) {}

    record SharedSkill(
            @Schema(maxLength = 100) String skill,

            @Schema(minimum = "2", maximum = "9223372036854775807")
            long departments) {}

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
        return new Stats(departments, skills, languages, topSkillsByDepartment(), skillLevels(), sharedSkills());
    }

    /** Top three per group: for each department, a lateral subquery that ranks its skills and keeps three. */
    private List<DepartmentSkill> topSkillsByDepartment() {
        return entityManager.createQuery("""
                        select new org.usermodels.profile.profile.ProfileStatistics$DepartmentSkill(
                                   d.department, t.skill, t.staff)
                        from (select distinct s.department as department
                              from StaffProfile s
                              where s.department is not null
                              order by s.department
                              limit 100) d
                        join lateral (select r.skill.name as skill, count(*) as staff
                                      from ProfileSkill r
                                      where r.profile.department = d.department
                                      group by r.skill.name
                                      order by count(*) desc, r.skill.name
                                      limit 3) t
                        order by d.department, t.staff desc, t.skill
                        """, DepartmentSkill.class).getResultList();
    }

    /** Ratings in bands: a {@code case} expression computes each rating's band, and the bands are grouped. */
    private List<LevelBand> skillLevels() {
        return entityManager.createQuery("""
                        select new org.usermodels.profile.profile.ProfileStatistics$LevelBand(
                                   case when r.level >= 4 then 'expert'
                                        when r.level >= 2 then 'practised'
                                        else 'beginner' end,
                                   count(*))
                        from ProfileSkill r
                        group by case when r.level >= 4 then 'expert'
                                      when r.level >= 2 then 'practised'
                                      else 'beginner' end
                        order by 2 desc, 1
                        """, LevelBand.class).getResultList();
    }

    /** The groups kept by their count: skills whose staff work in two departments or more ({@code having}). */
    private List<SharedSkill> sharedSkills() {
        return entityManager
                .createQuery("""
                        select new org.usermodels.profile.profile.ProfileStatistics$SharedSkill(
                                   r.skill.name, count(distinct r.profile.department))
                        from ProfileSkill r
                        group by r.skill.name
                        having count(distinct r.profile.department) >= 2
                        order by 2 desc, 1
                        """, SharedSkill.class)
                .setMaxResults(100)
                .getResultList();
    }
}
