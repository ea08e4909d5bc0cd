package org.usermodels.systemtests.deployment;

import static org.usermodels.systemtests.deployment.RenderedOverlay.list;
import static org.usermodels.systemtests.deployment.RenderedOverlay.map;

import java.util.List;
import java.util.Map;

/** Kubernetes label selectors, as the API server evaluates them. */
final class Selectors {

    private Selectors() {}

    /**
     * Whether a label selector ({@code matchLabels} and {@code matchExpressions}) selects an object with these
     * labels. The empty selector selects everything; an operator this class does not know is an error, never a
     * guess.
     */
    static boolean matches(Map<String, Object> selector, Map<String, Object> labels) {
        for (var entry : map(selector.get("matchLabels")).entrySet()) {
            if (!String.valueOf(entry.getValue()).equals(String.valueOf(labels.get(entry.getKey())))) {
                return false;
            }
        }
        for (var expression : list(selector.get("matchExpressions"))) {
            var key = String.valueOf(expression.get("key"));
            var values = ((List<?>) expression.getOrDefault("values", List.of()))
                    .stream().map(String::valueOf).toList();
            var value = labels.containsKey(key) ? String.valueOf(labels.get(key)) : null;
            var operator = String.valueOf(expression.get("operator"));
            var matched = switch (operator) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> throw new IllegalArgumentException("unknown selector operator " + operator);
            };
            if (!matched) {
                return false;
            }
        }
        return true;
    }

    /** A Service's selector: a plain map of labels, all of which must match; the empty one selects nothing. */
    static boolean matchesServiceSelector(Map<String, Object> selector, Map<String, Object> labels) {
        return !selector.isEmpty() && matches(Map.of("matchLabels", selector), labels);
    }
}
