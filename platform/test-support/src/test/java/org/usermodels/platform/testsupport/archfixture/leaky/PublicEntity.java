package org.usermodels.platform.testsupport.archfixture.leaky;

/** Fixture: a public entity. */
@jakarta.persistence.Entity
public class PublicEntity {
    @jakarta.persistence.Id
    Long id;
}
