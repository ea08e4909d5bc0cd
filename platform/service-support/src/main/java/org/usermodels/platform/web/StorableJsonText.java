package org.usermodels.platform.web;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.jsontype.TypeDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Refuses, while a request body is read, every string that the database could not store
 * ({@link StorableText}): a NUL character or half a surrogate pair, in a typed field, in an untyped value (a
 * custom attribute) or anywhere in a {@link JsonNode} (a merge patch). The failure names the field, and
 * {@link ServiceProblemHandler} answers it as a 400 for that field.
 *
 * <p>Jackson has no setting for this: it reads {@code "\u0000"} as the valid JSON it is. One modifier wraps
 * the three deserializers through which every string of a body passes, so no endpoint has to check.
 */
public final class StorableJsonText extends SimpleModule {

    public StorableJsonText() {
        super("usermodels-storable-json-text");
        setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyDeserializer(
                    DeserializationConfig config,
                    BeanDescription.Supplier description,
                    ValueDeserializer<?> deserializer) {
                var type = description.getBeanClass();
                return type == String.class || type == Object.class || JsonNode.class.isAssignableFrom(type)
                        ? new Checked(deserializer)
                        : deserializer;
            }
        });
    }

    /** A string the database cannot store, found at {@code path} inside the value being read. */
    public static final class UnstorableText extends MismatchedInputException {

        UnstorableText(JsonParser parser) {
            super(parser, "A string holds a NUL character or half a surrogate pair");
        }
    }

    private static final class Checked extends DelegatingDeserializer {

        Checked(ValueDeserializer<?> delegatee) {
            super(delegatee);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegatee) {
            return new Checked(delegatee);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            return checked(parser, super.deserialize(parser, context));
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context, Object into)
                throws JacksonException {
            return checked(parser, super.deserialize(parser, context, into));
        }

        @Override
        public Object deserializeWithType(
                JsonParser parser, DeserializationContext context, TypeDeserializer typeDeserializer)
                throws JacksonException {
            return checked(parser, super.deserializeWithType(parser, context, typeDeserializer));
        }

        private static Object checked(JsonParser parser, Object value) {
            var path = new ArrayDeque<Object>();
            if (!storable(value, path)) {
                JacksonException failure = new UnstorableText(parser);
                // innermost first: each step is put in front of the ones after it
                while (!path.isEmpty()) {
                    var step = path.removeLast();
                    failure = step instanceof Integer index
                            ? failure.prependPath(value, index)
                            : failure.prependPath(value, (String) step);
                }
                throw failure;
            }
            return value;
        }

        /** Walks a value, leaving in {@code path} the way to the first string that cannot be stored. */
        private static boolean storable(@Nullable Object value, Deque<Object> path) {
            switch (value) {
                case null -> {
                    return true;
                }
                case String text -> {
                    return StorableText.isStorable(text);
                }
                case JsonNode node
                when node.isString() -> {
                    return StorableText.isStorable(node.asString());
                }
                case JsonNode node
                when node.isObject() -> {
                    for (var entry : node.properties()) {
                        if (!StorableText.isStorable(entry.getKey()) || !storable(entry.getValue(), path)) {
                            path.push(entry.getKey());
                            return false;
                        }
                    }
                    return true;
                }
                case JsonNode node
                when node.isArray() -> {
                    for (var i = 0; i < node.size(); i++) {
                        if (!storable(node.get(i), path)) {
                            path.push(i);
                            return false;
                        }
                    }
                    return true;
                }
                case Map<?, ?> map -> {
                    for (var entry : map.entrySet()) {
                        var key = String.valueOf(entry.getKey());
                        if (!StorableText.isStorable(key) || !storable(entry.getValue(), path)) {
                            path.push(key);
                            return false;
                        }
                    }
                    return true;
                }
                case Collection<?> values -> {
                    var i = 0;
                    for (var element : values) {
                        if (!storable(element, path)) {
                            path.push(i);
                            return false;
                        }
                        i++;
                    }
                    return true;
                }
                default -> {
                    return true;
                }
            }
        }
    }
}
