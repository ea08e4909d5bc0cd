package org.usermodels.user.bulk;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.usermodels.platform.web.FieldProblem;
import tools.jackson.databind.node.ObjectNode;

/**
 * One row of an uploaded file, as read: either a user-creation document (what {@code POST /api/users} takes)
 * or why the row could not be read.
 *
 * @param row where the row is in the file, as an editor or a spreadsheet numbers it: the line of an NDJSON
 *     file, the row of a CSV file counting the header as row 1
 */
record ImportRow(int row, @Nullable ObjectNode content, List<FieldProblem> problems) {

    static ImportRow read(int row, ObjectNode content) {
        return new ImportRow(row, content, List.of());
    }

    static ImportRow unreadable(int row, String field, String message) {
        return new ImportRow(row, null, List.of(new FieldProblem(field, message)));
    }
}
