package nl.ibp.search;

import java.time.LocalDate;
import java.util.Optional;

/** The document a passage comes from, as cited in answers. */
public record DocumentInfo(String id, String title, Optional<LocalDate> date, String kenmerk, String type) {
}
