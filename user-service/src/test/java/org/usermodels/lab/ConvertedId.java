package org.usermodels.lab;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A user whose typed id goes through a JPA converter, which the specification does not allow on an id. */
@Entity(name = "ConvertedId")
@Table(name = "users")
public class ConvertedId {

    @Id
    @Convert(converter = LabUserIdConverter.class)
    private LabUserId id;

    private String username;

    protected ConvertedId() {
        this.id = new LabUserId(new java.util.UUID(0, 0));
        this.username = "";
    }
}
