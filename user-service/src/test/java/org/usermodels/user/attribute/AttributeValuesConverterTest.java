package org.usermodels.user.attribute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The custom field type of the attribute values: JSON text to an unmodifiable map and back. */
class AttributeValuesConverterTest {

    final AttributeValuesConverter converter = new AttributeValuesConverter();

    @Test
    void readsAMapThatCannotBeChangedInPlaceSoThatNoChangeIsLostToDirtyChecking() {
        var values = converter.convertToEntityAttribute("{\"site\": \"Basel\", \"clearance\": 3}");

        assertThat(values).containsEntry("site", "Basel").containsEntry("clearance", 3);
        assertThatThrownBy(() -> values.put("site", "Zurich")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void keepsDecimalsExactAndWritesNoValuesAsAnEmptyObject() {
        assertThat(converter.convertToEntityAttribute("{\"allowance\": 0.1}"))
                .containsEntry("allowance", new BigDecimal("0.1"));
        assertThat(converter.convertToDatabaseColumn(null)).isEqualTo("{}");
        assertThat(converter.convertToDatabaseColumn(Map.of("site", "Basel"))).isEqualTo("{\"site\":\"Basel\"}");
        assertThat(converter.convertToEntityAttribute(null)).isEmpty();
    }
}
