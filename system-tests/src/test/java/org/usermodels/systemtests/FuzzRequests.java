package org.usermodels.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.usermodels.systemtests.FuzzOperations.Description;
import org.usermodels.systemtests.FuzzOperations.Operation;

/**
 * Requests generated from an operation's description, half of them what a careful client sends and half what a
 * careless or hostile one does: ids of the tenant's own resources, of another tenant's and of none; every
 * parameter and body field in and out of its schema (wrong types, nulls, bounds and one past them, NUL
 * characters, lone surrogates, bytes that are not UTF-8, injections, deep nesting, truncated JSON); wrong media
 * types; no token, or another tenant's. One seed makes the same requests again.
 */
final class FuzzRequests {

    /** Who a request is sent as. */
    enum Caller {
        ADMIN,
        NOBODY,
        STRANGER
    }

    /** One generated request, as sent. */
    record Request(Operation operation, String pathAndQuery, Map<String, String> headers, byte[] body, Caller caller) {

        @Override
        public String toString() {
            var shown = new String(body, 0, Math.min(body.length, 400), StandardCharsets.UTF_8);
            return "%s %s as %s, headers %s, body (%d bytes) %s"
                    .formatted(operation.method(), pathAndQuery, caller, headers, body.length, shown);
        }
    }

    /** The tenant's own resources, and another tenant's, for path parameters that name one. */
    record Ids(
            List<UUID> users,
            List<UUID> groups,
            List<UUID> addresses,
            List<UUID> imports,
            List<String> slugs,
            List<UUID> strangers) {}

    /** Strings a careless or hostile client sends, as text. */
    private static final List<String> HOSTILE = List.of(
            "",
            " ",
            "\u0000",
            "a\u0000b",
            "\uD800",
            "x\uDFFFy",
            "%",
            "../../etc/passwd",
            "'; drop table users; --",
            "\" or \"1\"=\"1",
            "<script>alert(1)</script>",
            "${jndi:ldap://example.invalid/a}",
            "\u202Egnp.exe",
            "\uD83D\uDE00\uD83D\uDE00",
            "a".repeat(257),
            "b".repeat(5_000),
            "null",
            "-1",
            "0",
            "99999999999999999999999",
            "1e309",
            "NaN",
            "true",
            "[]",
            "{}",
            "\r\nX-Injected: yes");

    /** Percent-encodings that do not decode to UTF-8, or decode to what paths and queries must refuse. */
    private static final List<String> HOSTILE_ENCODED =
            List.of("%00", "%ED%A0%BD", "%C0%AF", "%FF%FE", "%E2%82", "%2e%2e%2f", "%25%32%65", "%0d%0aX:1");

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The same JSON with every non-ASCII character escaped: the way a lone surrogate reaches the server. */
    private static final ObjectMapper ESCAPING = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII)
            .build();

    private final RandomGenerator random;
    private final Ids ids;

    FuzzRequests(RandomGenerator random, Ids ids) {
        this.random = random;
        this.ids = ids;
    }

    Request next(Operation operation) {
        var path = new StringBuilder();
        for (var segment : operation.path().substring(1).split("/")) {
            path.append('/');
            if (segment.startsWith("{")) {
                path.append(pathValue(operation, segment.substring(1, segment.length() - 1)));
            } else {
                path.append(segment);
            }
        }
        var query = new ArrayList<String>();
        var headers = new LinkedHashMap<String, String>();
        for (var parameter : operation.parameters()) {
            if (!parameter.required() && chance(0.4)) {
                continue;
            }
            switch (parameter.in()) {
                case "query" ->
                    query.add(encode(parameter.name()) + "=" + queryValue(operation.of(), parameter.schema()));
                case "header" -> headers.put(parameter.name(), headerValue(operation.of(), parameter.schema()));
                default -> {}
            }
        }
        if (chance(0.15)) {
            // a parameter the operation does not read
            query.add((chance(0.5) ? "attr." + pick(HOSTILE_NAMES) : pick(HOSTILE_NAMES)) + "=" + hostileQueryValue());
        }
        var body = new byte[0];
        if (!operation.bodies().isEmpty() || chance(0.05)) {
            var media = operation.bodies().isEmpty() || chance(0.1)
                    ? new FuzzOperations.Body(pick(MEDIA_TYPES), JSON.objectNode())
                    : pick(operation.bodies());
            headers.put("Content-Type", media.mediaType());
            body = body(operation.of(), media);
        }
        var caller = chance(0.9) ? Caller.ADMIN : chance(0.5) ? Caller.NOBODY : Caller.STRANGER;
        var pathAndQuery = path + (query.isEmpty() ? "" : "?" + String.join("&", query));
        return new Request(operation, pathAndQuery, headers, body, caller);
    }

    private static final List<String> HOSTILE_NAMES = List.of("x", "limit", "q", "%00", "a%ED%A0%BDb", "%5B%5D");
    private static final List<String> MEDIA_TYPES = List.of(
            "application/json",
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "application/json; charset=ISO-8859-1",
            "text/csv",
            "application/x-ndjson",
            "multipart/form-data; boundary=x");

    private String pathValue(Operation operation, String name) {
        var roll = random.nextDouble();
        if (roll < 0.5) {
            var own = ownIds(operation.path(), name);
            if (!own.isEmpty()) {
                return own.get(random.nextInt(own.size()));
            }
        }
        if (roll < 0.65) {
            return randomId().toString();
        }
        if (roll < 0.75 && !ids.strangers().isEmpty()) {
            return pick(ids.strangers()).toString();
        }
        if (roll < 0.85) {
            return pick(HOSTILE_ENCODED);
        }
        var parameter = operation.parameters().stream()
                .filter(candidate -> candidate.name().equals(name))
                .findFirst();
        if (roll < 0.9 && parameter.isPresent()) {
            return encode(text(operation.of(), parameter.get().schema()));
        }
        return encode(pick(HOSTILE));
    }

    private List<String> ownIds(String path, String name) {
        List<?> own = switch (name) {
            case "userId" -> ids.users();
            case "addressId" -> ids.addresses();
            case "slug" -> ids.slugs();
            case "id" ->
                path.startsWith("/api/groups")
                        ? ids.groups()
                        : path.startsWith("/api/users/imports") ? ids.imports() : ids.users();
            default -> List.of();
        };
        return own.stream().map(Object::toString).toList();
    }

    private String queryValue(Description description, JsonNode schema) {
        return chance(0.6) ? encode(text(description, schema)) : hostileQueryValue();
    }

    private String hostileQueryValue() {
        return chance(0.5) ? pick(HOSTILE_ENCODED) : encode(pick(HOSTILE));
    }

    private String headerValue(Description description, JsonNode schema) {
        if (chance(0.5)) {
            return text(description, schema);
        }
        // a header can carry neither line breaks nor NUL; everything else goes
        return pick(List.of(
                "*",
                "\"1\", W/\"2\"",
                "W/\"1\"",
                "\"",
                "\"abc\"",
                "\"99999999999999999999\"",
                " ",
                "é",
                "a".repeat(300),
                "\"1\",,,",
                "; drop",
                "\uD83D\uDE00"));
    }

    /** A value of the schema, as text, in or out of it. */
    private String text(Description description, JsonNode schema) {
        var value = value(description, schema, 0);
        return value.isTextual() ? value.asText() : value.toString();
    }

    private byte[] body(Description description, FuzzOperations.Body media) {
        if (media.mediaType().contains("ndjson") || media.mediaType().equals("text/csv")) {
            return lines(description, media.mediaType().equals("text/csv"));
        }
        var value = value(description, media.schema(), 0);
        var text = chance(0.05) ? "[".repeat(5_000) + "]".repeat(5_000) : chance(0.3) ? escaped(value) : json(value);
        var bytes = text.getBytes(StandardCharsets.UTF_8);
        var roll = random.nextDouble();
        if (roll < 0.04) {
            return java.util.Arrays.copyOf(bytes, Math.max(0, bytes.length / 2));
        }
        if (roll < 0.07) {
            return concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes);
        }
        if (roll < 0.10) {
            return concat(bytes, new byte[] {(byte) 0xC3, (byte) 0x28, 0});
        }
        if (roll < 0.11) {
            // larger than any body a service takes (1 MB)
            return concat(bytes, " ".repeat(1_100_000).getBytes(StandardCharsets.US_ASCII));
        }
        return bytes;
    }

    private byte[] lines(Description description, boolean csv) {
        var out = new ByteArrayOutputStream();
        var users = description.root().at("/components/schemas/NewUser");
        if (csv) {
            out.writeBytes(pick(List.of("username,email,firstName,lastName", "username,nonsense", "", "\u0000"))
                    .getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        }
        var count = 1 + random.nextInt(3);
        for (var line = 0; line < count; line++) {
            var user = value(description, users, 0);
            var text = csv
                    ? String.join(
                            ",",
                            pick(HOSTILE),
                            pick(HOSTILE),
                            text(description, users.path("properties").path("lastName")))
                    : json(user);
            out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
            if (chance(0.1)) {
                out.writeBytes(new byte[] {(byte) 0xFF, 0});
            }
            out.write('\n');
        }
        return out.toByteArray();
    }

    /** A JSON value of the schema, mutated out of it now and then. */
    JsonNode value(Description description, JsonNode schema, int depth) {
        if (chance(0.12) || depth > 4) {
            return hostileValue();
        }
        var resolved = description.resolve(schema);
        for (var combinator : List.of("anyOf", "oneOf", "allOf")) {
            if (resolved.has(combinator) && resolved.get(combinator).size() > 0) {
                return value(
                        description,
                        resolved.get(combinator)
                                .get(random.nextInt(resolved.get(combinator).size())),
                        depth);
            }
        }
        if (resolved.has("enum") && resolved.get("enum").size() > 0) {
            return resolved.get("enum").get(random.nextInt(resolved.get("enum").size()));
        }
        var type = resolved.path("type");
        var name = type.isArray() && type.size() > 0
                ? type.get(random.nextInt(type.size())).asText()
                : type.asText("object");
        return switch (name) {
            case "string" -> JSON.textNode(string(resolved));
            case "integer" -> JSON.numberNode(integer(resolved));
            case "number" -> JSON.numberNode(random.nextDouble() * 1000 - 10);
            case "boolean" -> JSON.booleanNode(random.nextBoolean());
            case "null" -> JSON.nullNode();
            case "array" -> {
                var array = JSON.arrayNode();
                var items = random.nextInt(4);
                for (var i = 0; i < items; i++) {
                    array.add(value(description, resolved.path("items"), depth + 1));
                }
                yield array;
            }
            default -> {
                var object = JSON.objectNode();
                resolved.path("properties").properties().forEach(property -> {
                    if (chance(0.7)) {
                        object.set(property.getKey(), value(description, property.getValue(), depth + 1));
                    }
                });
                if (resolved.has("additionalProperties") || chance(0.05)) {
                    object.set(pick(List.of("badgeId", "costCentre", "x", "", "\u0000")), hostileValue());
                }
                yield object;
            }
        };
    }

    private String string(JsonNode schema) {
        var format = schema.path("format").asText("");
        var valid = switch (format) {
            case "uuid" ->
                chance(0.5) && !ids.users().isEmpty()
                        ? pick(ids.users()).toString()
                        : randomId().toString();
            case "date" ->
                "19%02d-%02d-%02d".formatted(random.nextInt(100), 1 + random.nextInt(12), 1 + random.nextInt(28));
            case "date-time" -> "2026-0%d-1%dT10:00:00Z".formatted(1 + random.nextInt(9), random.nextInt(10));
            case "email" -> "fuzz-" + random.nextInt(1_000_000) + "@example.org";
            case "uri" -> "https://example.org/" + random.nextInt(1000);
            default -> "fuzz" + Integer.toString(random.nextInt(1 << 30), 36);
        };
        var maxLength = schema.path("maxLength").asInt(0);
        if (maxLength > 0 && chance(0.1)) {
            // at the bound, and one past it
            return "m".repeat(maxLength + (chance(0.5) ? 0 : 1));
        }
        return chance(0.85) ? valid : pick(HOSTILE);
    }

    private BigInteger integer(JsonNode schema) {
        var minimum = schema.has("minimum")
                ? new BigInteger(schema.get("minimum").asText().replaceAll("\\..*", ""))
                : BigInteger.valueOf(-5);
        var maximum = schema.has("maximum")
                ? new BigInteger(schema.get("maximum").asText().replaceAll("\\..*", ""))
                : BigInteger.valueOf(1_000);
        return switch (random.nextInt(6)) {
            case 0 -> minimum.subtract(BigInteger.ONE);
            case 1 -> maximum.add(BigInteger.ONE);
            case 2 -> minimum;
            case 3 -> maximum;
            default -> {
                var span = maximum.subtract(minimum)
                        .max(BigInteger.ZERO)
                        .min(BigInteger.valueOf(1000))
                        .intValue();
                yield minimum.add(BigInteger.valueOf(random.nextInt(span + 1)));
            }
        };
    }

    private JsonNode hostileValue() {
        return switch (random.nextInt(9)) {
            case 0 -> JSON.nullNode();
            case 1 -> JSON.arrayNode().add(JSON.nullNode());
            case 2 -> JSON.numberNode(new BigInteger("123456789012345678901234567890"));
            case 3 -> JSON.numberNode(-1);
            case 4 -> JSON.booleanNode(true);
            case 5 -> {
                ArrayNode deep = JSON.arrayNode();
                var current = deep;
                for (var i = 0; i < 200; i++) {
                    var next = JSON.arrayNode();
                    current.add(next);
                    current = next;
                }
                yield deep;
            }
            case 6 -> {
                ObjectNode object = JSON.objectNode();
                object.put("\u0000", "\uD800");
                yield object;
            }
            default -> JSON.textNode(pick(HOSTILE));
        };
    }

    private static String escaped(JsonNode value) {
        try {
            return ESCAPING.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(JsonNode value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Percent-encodes text as UTF-8, and a lone surrogate as the bytes a careless encoder sends for it. */
    private static String encode(String text) {
        var out = new StringBuilder();
        for (var i = 0; i < text.length(); i++) {
            var c = text.charAt(i);
            if (Character.isSurrogate(c)
                    && !(Character.isHighSurrogate(c)
                            && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1)))) {
                out.append("%ED%A0%80");
            } else if (Character.isHighSurrogate(c)) {
                out.append(URLEncoder.encode(text.substring(i, i + 2), StandardCharsets.UTF_8));
                i++;
            } else {
                out.append(URLEncoder.encode(String.valueOf(c), StandardCharsets.UTF_8)
                        .replace("+", "%20"));
            }
        }
        return out.toString();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        var both = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    /** A random version 4 UUID, from the seeded generator. */
    private UUID randomId() {
        return new UUID(
                (random.nextLong() & ~0xF000L) | 0x4000L,
                (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | Long.MIN_VALUE);
    }

    private boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
