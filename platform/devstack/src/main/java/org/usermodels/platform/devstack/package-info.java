/** What {@code bin/dev} runs: the whole system on this machine, without Docker. */
@NullMarked
package org.usermodels.platform.devstack;

import org.jspecify.annotations.NullMarked;
