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
 * customers (another window function: the sum over every group).
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

    @Transactional(readOnly = true)
    @SuppressWarnings("unchecked")
    Stats stats() {
        List<Object[]> departments = entityManager.createNativeQuery("""
                        select department, count(*) as staff
                        from profiles
                        where kind = 'staff'
                        group by department
                        order by staff desc, department
                        limit 100
                        """).getResultList();
        List<Object[]> skills = entityManager.createNativeQuery("""
                        select s.name, count(*) as staff, round(avg(ps.level), 2) as average_level,
                               rank() over (order by count(*) desc) as rank
                        from profile_skills ps
                        join skills s on s.id = ps.skill_id
                        group by s.name
                        order by rank, s.name
                        limit 10
                        """).getResultList();
        List<Object[]> languages = entityManager.createNativeQuery("""
                        select preferred_language, count(*) as customers,
                               round(100.0 * count(*) / sum(count(*)) over (), 1) as percent
                        from profiles
                        where kind = 'customer'
                        group by preferred_language
                        order by customers desc, preferred_language
                        limit 100
                        """).getResultList();
        return new Stats(
                departments.stream()
                        .map(row -> new Headcount((String) row[0], ((Number) row[1]).longValue()))
                        .toList(),
                skills.stream()
                        .map(row -> new SkillCount(
                                (String) row[0],
                                ((Number) row[1]).longValue(),
                                (BigDecimal) row[2],
                                ((Number) row[3]).longValue()))
                        .toList(),
                languages.stream()
                        .map(row ->
                                new LanguageShare((String) row[0], ((Number) row[1]).longValue(), (BigDecimal) row[2]))
                        .toList());
    }
}
