package nl.ibp.agreements;

import java.util.Objects;

/** Who does what in an agreement: an actor and its role. */
public record Responsibility(Actor actor, Role role) {

    public enum Role { TREKKER, VOORTOUW, COORDINEERT, VERANTWOORDELIJK, VOORZITTER, REGIE, UITVOERING, BETROKKEN }

    public Responsibility {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(role, "role");
    }
}
