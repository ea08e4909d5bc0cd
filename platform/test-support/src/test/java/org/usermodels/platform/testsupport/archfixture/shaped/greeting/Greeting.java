package org.usermodels.platform.testsupport.archfixture.shaped.greeting;

/** Fixture: a package-private entity of the greeting feature. */
@jakarta.persistence.Entity
class Greeting {
    @jakarta.persistence.Id
    Long id;
}
