package org.usermodels.lab;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.Formula;

/**
 * A group that carries its number of members as a {@link Formula}: a subquery in every select of the group,
 * whether the caller wants the number or not (docs/sql-expression-api.md, "@Formula").
 */
@Entity(name = "CountedGroup")
@Table(name = "groups")
public class CountedGroup {

    @Id
    private UUID id;

    private String name;

    @Formula("(select count(*) from group_members m where m.group_id = id)")
    private long members;

    protected CountedGroup() {
        this.id = new UUID(0, 0);
        this.name = "";
    }

    public String name() {
        return name;
    }

    public long members() {
        return members;
    }
}
