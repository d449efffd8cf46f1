package nl.ibp.follow;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import nl.ibp.agreements.Actor;
import nl.ibp.agreements.Agreement;
import nl.ibp.agreements.Deadline;
import nl.ibp.agreements.Responsibility;

/** Agreements made by hand for the follow tests. */
final class Agreements {

    private Agreements() {
    }

    static Agreement dated(String id, int opgave, String text, Deadline d, LocalDate written) {
        return new Agreement(id, OptionalInt.of(opgave), text, List.of(d),
                List.of(new Responsibility(new Actor("gemeenten", Actor.Type.GEMEENTEN), Responsibility.Role.TREKKER)),
                new Agreement.Source("brief-" + id, "Brief " + id, Optional.of(written), "Afspraken", "p-" + id),
                Agreement.OPEN, false);
    }

    static Deadline day(LocalDate d) {
        return new Deadline("uiterlijk " + d, d, d, Deadline.Precision.DAY, Deadline.Kind.DEADLINE);
    }

    static Deadline month(int year, int month) {
        LocalDate start = LocalDate.of(year, month, 1);
        return new Deadline("voor eind " + month + "/" + year, start, start.withDayOfMonth(start.lengthOfMonth()),
                Deadline.Precision.MONTH, Deadline.Kind.DEADLINE);
    }

    static Deadline year(int year) {
        return new Deadline("uiterlijk " + year, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31),
                Deadline.Precision.YEAR, Deadline.Kind.DEADLINE);
    }
}
