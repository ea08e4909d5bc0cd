/** Spring Boot auto-configuration that gives a servlet service the usermodels conventions. */
@NullMarked
package org.usermodels.platform.autoconfigure;

import org.jspecify.annotations.NullMarked;
