package org.usermodels.platform.testsupport.archfixture.layered.service;

/** Fixture: a class in a layer package. */
public class GreetingService {}
