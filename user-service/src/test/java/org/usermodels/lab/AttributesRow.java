package org.usermodels.lab;

import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A user's row with its custom attributes, for the lab's mappings of the attributes' column: each subclass maps
 * the column its own way, and both change it the same two ways.
 */
@MappedSuperclass
public abstract class AttributesRow {

    @Id
    private UUID id = new UUID(0, 0);

    private String username = "";

    @Version
    private long version;

    /** The map the entity holds. */
    protected abstract Map<String, Object> attributes();

    protected abstract void attributes(Map<String, Object> attributes);

    /** Changes the map the entity holds, in place. */
    public void putInPlace(String name, Object value) {
        attributes().put(name, value);
    }

    /** Replaces the map with a changed copy. */
    public void replace(String name, Object value) {
        var copy = new LinkedHashMap<>(attributes());
        copy.put(name, value);
        attributes(copy);
    }
}
