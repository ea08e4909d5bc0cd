package org.usermodels.platform.openapi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An operation whose successful answer carries the resource's version as its {@code ETag}
 * ({@link org.usermodels.platform.web.Versions}): the description names the header, and, for a read that takes
 * {@code If-None-Match}, the {@code 304} it may answer.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Versioned {}
