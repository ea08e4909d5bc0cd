package org.usermodels.user.bulk;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.usermodels.user.attribute.AttributeSchema;

/**
 * The columns of a CSV file: a user's fields as {@code POST /api/users} names them, the details of each type
 * as {@code <type>.<field>}, the tenant's custom attributes as {@code attributes.<name>}. An export writes
 * all of them, and four more that an import reads past ({@link #EXPORT_ONLY}): a file exported from one
 * tenant imports into another as it is.
 */
final class CsvColumns {

    static final List<String> FIELDS =
            List.of("type", "username", "email", "firstName", "lastName", "locale", "timeZone", "password");

    static final List<String> DETAILS = List.of(
            "customer.loyaltyTier",
            "customer.marketingConsent",
            "staff.employeeNumber",
            "staff.department",
            "staff.jobTitle",
            "staff.hireDate",
            "partner.companyName",
            "partner.companyRegistrationId",
            "partner.partnerTier");

    /** What the service assigns and an import therefore ignores. */
    static final Set<String> EXPORT_ONLY = Set.of("id", "status", "dateJoined", "lastLogin");

    static final String ATTRIBUTE_PREFIX = "attributes.";

    private CsvColumns() {}

    /** Every column an import understands, for this tenant's attributes. */
    static Set<String> importable(AttributeSchema schema) {
        var columns = new LinkedHashSet<String>(FIELDS);
        columns.addAll(DETAILS);
        schema.names().forEach(name -> columns.add(ATTRIBUTE_PREFIX + name));
        columns.addAll(EXPORT_ONLY);
        return columns;
    }

    /** The columns an export writes, in this order. */
    static List<String> exported(AttributeSchema schema) {
        var columns = new ArrayList<String>();
        columns.add("id");
        FIELDS.stream().filter(field -> !field.equals("password")).forEach(columns::add);
        columns.addAll(List.of("status", "dateJoined", "lastLogin"));
        columns.addAll(DETAILS);
        schema.names().forEach(name -> columns.add(ATTRIBUTE_PREFIX + name));
        return columns;
    }
}
