package org.usermodels.platform.testsupport.archfixture.leaky;

/** Fixture: a public repository. */
public interface PublicRepository extends org.springframework.data.repository.Repository<PublicEntity, Long> {}
