/**
 * What the services' domain models share: the exceptions an aggregate throws when a request contradicts its
 * rules, which the web layer answers as problems without the aggregate knowing of HTTP (docs/model-classes.md).
 */
@NullMarked
package org.usermodels.platform.domain;

import org.jspecify.annotations.NullMarked;
