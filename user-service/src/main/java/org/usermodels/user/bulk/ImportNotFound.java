package org.usermodels.user.bulk;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No import job of the tenant has this id (whichever tenant might): 404. */
final class ImportNotFound extends ErrorResponseException {

    private ImportNotFound(UUID id) {
        super(HttpStatus.NOT_FOUND, problem(id), null);
    }

    static ImportNotFound byId(UUID id) {
        return new ImportNotFound(id);
    }

    private static ProblemDetail problem(UUID id) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "This tenant has no import " + id + ".");
        problem.setTitle("Import not found");
        return problem;
    }
}
