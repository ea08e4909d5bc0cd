package org.usermodels.platform.web;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON Merge Patch (RFC 7386): a patch document names what changes; {@code null} removes a member, an object
 * is merged member by member, anything else replaces. {@code PATCH} endpoints apply it to the resource's
 * editable representation and then validate the result like a new resource.
 */
public final class JsonMergePatch {

    /** The media type of merge patch documents. */
    public static final String MEDIA_TYPE = "application/merge-patch+json";

    private JsonMergePatch() {}

    /** The target with the patch applied; neither argument is changed. */
    public static JsonNode apply(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        var result = target.isObject() ? (ObjectNode) target.deepCopy() : ((ObjectNode) patch).objectNode();
        for (var entry : patch.properties()) {
            var name = entry.getKey();
            var value = entry.getValue();
            if (value.isNull()) {
                result.remove(name);
            } else {
                var current = result.get(name);
                result.set(name, apply(current == null ? result.nullNode() : current, value));
            }
        }
        return result;
    }
}
