package org.usermodels.profile.profile;

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

    record Stats(
            List<Headcount> headcountByDepartment,
            List<SkillCount> topSkills,
            List<LanguageShare> customersByLanguage) {}

    record Headcount(@Nullable String department, long staff) {}

    record SkillCount(String skill, long staff, BigDecimal averageLevel, long rank) {}

    record LanguageShare(@Nullable String language, long customers, BigDecimal percent) {}

    @Transactional(readOnly = true)
    @SuppressWarnings("unchecked")
    Stats stats() {
        List<Object[]> departments = entityManager.createNativeQuery("""
                        select department, count(*) as staff
                        from profiles
                        where kind = 'staff'
                        group by department
                        order by staff desc, department
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
