package org.usermodels.platform.openapi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An operation that takes a JSON Merge Patch (RFC 7396) of a resource: its body is described as
 * {@code application/merge-patch+json} (and {@code application/json}), an object with the resource's
 * properties, each optional and each nullable (null clears it), rather than the untyped document the handler
 * reads.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface MergePatch {

    /** The resource the patch changes, as its representation is described. */
    Class<?> value();
}
