/**
 * The HTTP conventions every usermodels service keeps: a request id on every request, response, log line
 * and error, and RFC 9457 {@code application/problem+json} for every error.
 */
@NullMarked
package org.usermodels.platform.web;

import org.jspecify.annotations.NullMarked;
