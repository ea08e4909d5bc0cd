package org.usermodels.lab;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/** A partner contact's profile before tenant migration V3: the channels in {@code contact_preferences}. */
@Entity(name = "PartnerAsItWas")
@DiscriminatorValue("partner")
public class PartnerAsItWas extends ProfileAsItWas {

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "contact_preferences")
    private String @Nullable [] contactPreferences;

    protected PartnerAsItWas() {}

    public PartnerAsItWas(UUID userId, String displayName, List<String> channels) {
        super(userId, displayName);
        changeChannels(channels);
    }

    @Override
    public List<String> channels() {
        return contactPreferences == null ? List.of() : List.of(contactPreferences);
    }

    @Override
    public void changeChannels(List<String> channels) {
        this.contactPreferences = channels.toArray(String[]::new);
    }
}
