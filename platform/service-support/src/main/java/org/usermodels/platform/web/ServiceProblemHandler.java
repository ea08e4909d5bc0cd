package org.usermodels.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrorCodes;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.usermodels.platform.domain.IllegalTransition;
import org.usermodels.platform.domain.InvalidValue;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidNullException;

/**
 * Answers every error of a usermodels service as {@code application/problem+json} (RFC 9457), with the
 * request id and, for invalid input, one entry per invalid field.
 *
 * <p>It runs last, so a service's own, narrower advice wins. What it never does is leak a stack trace, a
 * Java type name or a SQL message to the client: server faults are logged with the request id and answered
 * with a generic 500.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ServiceProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ServiceProblemHandler.class);

    /** Missing, expired, forged or otherwise unacceptable tokens. */
    @ExceptionHandler(AuthenticationException.class)
    @Nullable ResponseEntity<Object> unauthenticated(AuthenticationException exception, WebRequest request) {
        var problem = ProblemDetail.forStatus(HttpStatus.UNAUTHORIZED);
        problem.setTitle("Unauthorized");
        var headers = new HttpHeaders();
        if (exception instanceof OAuth2AuthenticationException) {
            problem.setDetail(
                    "The access token is not valid: it may be expired, malformed or not signed by the realm.");
            headers.set(
                    HttpHeaders.WWW_AUTHENTICATE,
                    "Bearer error=\"%s\", error_description=\"The access token is not valid\""
                            .formatted(BearerTokenErrorCodes.INVALID_TOKEN));
        } else {
            problem.setDetail("This call needs a bearer access token from the usermodels realm.");
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return handleExceptionInternal(exception, problem, headers, HttpStatus.UNAUTHORIZED, request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    @Nullable ResponseEntity<Object> forbidden(AccessDeniedException exception, WebRequest request) {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.FORBIDDEN, "The access token does not grant what this call needs.");
        problem.setTitle("Forbidden");
        return handleExceptionInternal(exception, problem, new HttpHeaders(), HttpStatus.FORBIDDEN, request);
    }

    /** Someone changed the row between our read and our write (JPA {@code @Version}): the client's view is stale. */
    @ExceptionHandler(org.springframework.dao.OptimisticLockingFailureException.class)
    @Nullable ResponseEntity<Object> concurrentChange(Exception exception, WebRequest request) {
        var stale = Versions.stale();
        return handleExceptionInternal(exception, stale.getBody(), new HttpHeaders(), stale.getStatusCode(), request);
    }

    /** An aggregate refused a change of state its rules do not allow: the client asked for it, so 409. */
    @ExceptionHandler(IllegalTransition.class)
    @Nullable ResponseEntity<Object> illegalTransition(IllegalTransition exception, WebRequest request) {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT,
                "This %s is %s and cannot %s."
                        .formatted(
                                exception.aggregate(), exception.state().toLowerCase(Locale.ROOT), exception.action()));
        problem.setTitle("Illegal change of state");
        problem.setProperty("state", exception.state());
        return handleExceptionInternal(exception, problem, new HttpHeaders(), HttpStatus.CONFLICT, request);
    }

    /** A value a domain type refused: the client's, so 400 with the field, as for any invalid field. */
    @ExceptionHandler(InvalidValue.class)
    @Nullable ResponseEntity<Object> invalidValue(InvalidValue exception, WebRequest request) {
        var invalid = InvalidRequest.field(exception.field(), exception.getMessage());
        return handleExceptionInternal(
                exception, invalid.getBody(), new HttpHeaders(), invalid.getStatusCode(), request);
    }

    /** A part of the request that Spring Security's firewall refused when it was read (a header, say). */
    @ExceptionHandler(RequestRejectedException.class)
    @Nullable ResponseEntity<Object> refused(RequestRejectedException exception, WebRequest request) {
        var refused = MalformedRequest.refusedUrl();
        return handleExceptionInternal(
                exception, refused.getBody(), new HttpHeaders(), refused.getStatusCode(), request);
    }

    /** A fault of the service, not of the client: logged in full, answered without details. */
    @ExceptionHandler(Exception.class)
    @Nullable ResponseEntity<Object> unexpected(Exception exception, WebRequest request) {
        if (isUnstorableValue(exception)) {
            // the client's value, which a check should have refused before the database did: worth a look
            log.warn("A value the database refused reached it serving {}", describe(request), exception);
            var problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.BAD_REQUEST,
                    "A value of the request cannot be stored: " + UNSTORABLE + ", or is too long.");
            problem.setTitle("Invalid request");
            return handleExceptionInternal(exception, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
        }
        if (hasState(exception, CONFLICTING_STATES)) {
            // a unique or exclusion constraint that no check of ours names: another request won a race
            log.warn("A constraint refused a concurrent change serving {}", describe(request), exception);
            var problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.CONFLICT,
                    "Another request changed the same data at the same moment. Read it again and repeat your change.");
            problem.setTitle("Concurrent change");
            return handleExceptionInternal(exception, problem, new HttpHeaders(), HttpStatus.CONFLICT, request);
        }
        log.error("Unhandled error serving {}", describe(request), exception);
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "The service failed to answer this request. Quote the request id when you report it.");
        problem.setTitle("Internal error");
        return handleExceptionInternal(
                exception, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException exception, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var problem = exception.getBody();
        problem.setTitle("Invalid request");
        problem.setDetail("The request has %d invalid field(s).".formatted(exception.getErrorCount()));
        var errors = exception.getBindingResult().getFieldErrors().stream()
                .map(error -> FieldProblem.of(error.getField(), error.getDefaultMessage()))
                .toList();
        problem.setProperty("errors", errors);
        return handleExceptionInternal(exception, problem, headers, status, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException exception, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof MalformedRequest tooLarge) {
                return handleExceptionInternal(
                        tooLarge, tooLarge.getBody(), headers, tooLarge.getStatusCode(), request);
            }
        }
        var problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setTitle("Unreadable request body");
        switch (exception.getMostSpecificCause()) {
            case StorableJsonText.UnstorableText unstorable -> {
                var field = unstorable.getPath().isEmpty() ? "" : jsonPath(unstorable);
                problem.setDetail("A string of the request body holds a character that cannot be stored.");
                problem.setProperty("errors", List.of(FieldProblem.of(field, UNSTORABLE)));
            }
            case InvalidNullException missing
            when !missing.getPath().isEmpty() -> {
                var field = jsonPath(missing);
                problem.setDetail("The field '%s' holds a null where a value is needed.".formatted(field));
                problem.setProperty("errors", List.of(FieldProblem.of(field, "must not be null")));
            }
            case StreamConstraintsException tooMuch ->
                problem.setDetail("The request body is nested too deeply, or holds a name, string or number too long.");
            case DatabindException wrongValue
            when !wrongValue.getPath().isEmpty() -> {
                var field = jsonPath(wrongValue);
                problem.setDetail("The field '%s' has a value of the wrong type or format.".formatted(field));
                problem.setProperty(
                        "errors", List.of(FieldProblem.of(field, "has a value of the wrong type or format")));
            }
            case JacksonException malformed
            when malformed.getLocation() != null ->
                problem.setDetail("The request body is not valid JSON (line %d, column %d)."
                        .formatted(
                                malformed.getLocation().getLineNr(),
                                malformed.getLocation().getColumnNr()));
            default -> problem.setDetail("The request body is missing or is not valid JSON.");
        }
        return handleExceptionInternal(exception, problem, headers, status, request);
    }

    /**
     * A parameter that is not of its type. When the type is a value object that refused the value ({@code
     * InvalidValue}, from its constructor, as Spring converts a path variable into a {@code PermissionCode}), the
     * answer says why, as for the same value in a body.
     */
    @Override
    protected @Nullable ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException exception, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidValue invalid) {
                return invalidValue(invalid, request);
            }
        }
        var name = exception.getPropertyName() == null ? "parameter" : exception.getPropertyName();
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "The value '%s' is not valid for '%s'.".formatted(exception.getValue(), name));
        problem.setTitle("Invalid parameter");
        problem.setProperty("errors", List.of(FieldProblem.of(name, "is not valid")));
        return handleExceptionInternal(exception, problem, headers, status, request);
    }

    /**
     * A failure after the response was committed (a streamed export whose query failed half-way) can no longer
     * become a problem, and Spring's default, to log it and end the response, would end it as if it were whole.
     * The failure goes on to the server instead, which then cuts the connection before the response's end, so
     * that the client sees an error rather than a complete-looking, short answer.
     */
    @Override
    protected @Nullable ResponseEntity<Object> handleExceptionInternal(
            Exception exception,
            @Nullable Object body,
            HttpHeaders headers,
            HttpStatusCode statusCode,
            WebRequest request) {
        var response = request instanceof NativeWebRequest nativeRequest
                ? nativeRequest.getNativeResponse(HttpServletResponse.class)
                : null;
        if (response != null && response.isCommitted()) {
            // the same exception, so that Spring goes on with it as unhandled (any other would be logged as a
            // failure of this handler)
            throw exception instanceof RuntimeException unchecked
                    ? unchecked
                    : new IllegalStateException("Failed after the response was committed", exception);
        }
        return super.handleExceptionInternal(exception, body, headers, statusCode, request);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(
            @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem && request instanceof NativeWebRequest nativeRequest) {
            var servletRequest = nativeRequest.getNativeRequest(HttpServletRequest.class);
            if (servletRequest != null) {
                var requestId = RequestIdFilter.of(servletRequest);
                if (requestId != null) {
                    problem.setProperty(RequestIds.KEY, requestId);
                }
                if (problem.getInstance() == null) {
                    problem.setInstance(URI.create(servletRequest.getRequestURI()));
                }
            }
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    /**
     * SQL states of values the database cannot take as they are: a string too long for its column (22001), a
     * character it cannot store (22021, 22P05: NUL), a value too large for an index entry (54000).
     */
    private static final Set<String> UNSTORABLE_STATES = Set.of("22001", "22021", "22P05", "54000");

    /**
     * unique_violation and exclusion_violation: what a constraint says when two requests race past the checks
     * that name it (or past none, as a deferred constraint checked at commit: docs/model-classes.md).
     */
    private static final Set<String> CONFLICTING_STATES = Set.of("23505", "23P01");

    private static final String UNSTORABLE = "holds a character that cannot be stored (NUL, or half a surrogate pair)";

    private static boolean isUnstorableValue(Throwable failure) {
        return hasState(failure, UNSTORABLE_STATES);
    }

    private static boolean hasState(Throwable failure, Set<String> states) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && states.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static String jsonPath(JacksonException exception) {
        var path = new StringBuilder();
        for (var reference : exception.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String describe(WebRequest request) {
        return request.getDescription(false);
    }
}
