package nl.ibp.agreements;

import java.util.Objects;

/**
 * A party named in an agreement, normalised: "minister van EZK", "VNG", "gemeenten".
 *
 * @param name normalised name, as shown to users
 * @param type what kind of party it is
 */
public record Actor(String name, Type type) {

    public enum Type { RIJK, MINISTERIE, KOEPEL, GEMEENTEN, PROVINCIES, WATERSCHAPPEN, KABINET, OTHER }

    public Actor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (name.isBlank()) {
            throw new IllegalArgumentException("actor name must not be blank");
        }
    }
}
