package floor.orm;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Entity;

@Entity
public class Note extends PanacheEntity {
    public String text;
}
