package org.usermodels.platform.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Records every SQL statement the application under test sends to its database: the test autowires the
 * {@link SqlRecorder} to count statements (so an N+1 cannot come back) and to put the real SQL into the
 * docs with {@link DocumentedSql}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface RecordSql {}
