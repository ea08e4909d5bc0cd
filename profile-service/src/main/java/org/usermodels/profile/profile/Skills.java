package org.usermodels.profile.profile;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** The tenant's skill catalog. */
interface Skills extends Repository<Skill, UUID> {

    @Query("select s from Skill s where lower(s.name) = lower(:name)")
    Optional<Skill> findByName(String name);

    Skill save(Skill skill);
}
