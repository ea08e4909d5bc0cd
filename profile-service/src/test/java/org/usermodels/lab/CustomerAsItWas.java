package org.usermodels.lab;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/** A customer's profile before tenant migration V3: the channels in {@code communication_preferences}. */
@Entity(name = "CustomerAsItWas")
@DiscriminatorValue("customer")
public class CustomerAsItWas extends ProfileAsItWas {

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "communication_preferences")
    private String @Nullable [] communicationPreferences;

    protected CustomerAsItWas() {}

    public CustomerAsItWas(UUID userId, String displayName, List<String> channels) {
        super(userId, displayName);
        changeChannels(channels);
    }

    @Override
    public List<String> channels() {
        return communicationPreferences == null ? List.of() : List.of(communicationPreferences);
    }

    @Override
    public void changeChannels(List<String> channels) {
        this.communicationPreferences = channels.toArray(String[]::new);
    }
}
