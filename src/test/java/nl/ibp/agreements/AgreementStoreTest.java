package nl.ibp.agreements;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgreementStoreTest {

    @TempDir
    Path dir;

    static final AgreementStore.DocumentRow DOC = new AgreementStore.DocumentRow("p.txt", "Programmastart IBP",
            Optional.of(LocalDate.of(2018, 2, 14)), "", "programmastart");

    static Agreement agreement(String id, int opgave, String text) {
        return new Agreement(id, OptionalInt.of(opgave), text,
                List.of(new Deadline("uiterlijk in 2021", LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31),
                        Deadline.Precision.YEAR, Deadline.Kind.DEADLINE)),
                List.of(new Responsibility(new Actor("gemeenten", Actor.Type.GEMEENTEN), Responsibility.Role.UITVOERING)),
                new Agreement.Source("p.txt", "Programmastart IBP", Optional.of(LocalDate.of(2018, 2, 14)), "III › 1", "abc"),
                Agreement.OPEN, false);
    }

    private AgreementStore create() throws SQLException {
        return AgreementStore.create(dir.resolve(AgreementStore.GENERATION_FILE));
    }

    @Test
    void agreementsRoundTripWithTheirDeadlinesActorsAndSource() throws SQLException {
        try (AgreementStore store = create()) {
            store.replaceDerived(List.of(DOC), List.of(agreement("a1", 1, "Gemeenten stellen uiterlijk in 2021 een planning vast.")));
            List<Agreement> all = store.agreements(OptionalInt.empty());
            assertEquals(List.of(agreement("a1", 1, "Gemeenten stellen uiterlijk in 2021 een planning vast.")), all);
            assertEquals(List.of(), store.agreements(OptionalInt.of(2)));
        }
    }

    @Test
    void aPublishedDatabaseIsReadAsItIsAndRefusesWrites() throws SQLException {
        try (AgreementStore store = create()) {
            store.replaceDerived(List.of(DOC), List.of(agreement("a1", 1, "x"), agreement("a2", 2, "y")));
            store.setStatus("a2", Agreement.DONE, "vastgesteld in de raad", Instant.parse("2019-01-01T00:00:00Z"));
        }
        assertEquals(List.of(AgreementStore.GENERATION_FILE), list(dir), "no journal or WAL files are left beside it");
        try (AgreementStore published = AgreementStore.open(dir)) {
            assertEquals(List.of(Agreement.OPEN, Agreement.DONE),
                    published.agreements(OptionalInt.empty()).stream().map(Agreement::status).toList());
            assertThrows(TrackerException.class, () -> published.setStatus("a1", Agreement.DONE, "x", Instant.EPOCH));
            assertThrows(TrackerException.class, () -> published.replaceDerived(List.of(), List.of()));
        }
        assertEquals(List.of(AgreementStore.GENERATION_FILE), list(dir), "reading leaves no side files either");
        assertEquals(Optional.empty(), AgreementStore.check(dir));
    }

    private static List<String> list(Path dir) {
        try (var files = java.nio.file.Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aTruncatedDatabaseIsReportedByTheCheck() throws Exception {
        try (AgreementStore store = create()) {
            store.replaceDerived(List.of(DOC), List.of(agreement("a1", 1, "x"), agreement("a2", 2, "y")));
        }
        Path file = dir.resolve(AgreementStore.GENERATION_FILE);
        byte[] bytes = java.nio.file.Files.readAllBytes(file);
        java.nio.file.Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Optional<String> problem = AgreementStore.check(dir);
        assertTrue(problem.isPresent() && problem.get().contains(AgreementStore.GENERATION_FILE), problem.toString());
    }

    @Test
    void aDatabaseFromANewerBuildIsRefused() throws SQLException {
        try (AgreementStore store = create()) {
            assertEquals(4, AgreementStore.schemaVersion());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(AgreementStore.GENERATION_FILE));
             Statement s = c.createStatement()) {
            s.execute("INSERT INTO schema_version (version) VALUES (99)");
        }
        TrackerException e = assertThrows(TrackerException.class, () -> AgreementStore.open(dir));
        assertTrue(e.getMessage().contains("schemaversie 99"), e.getMessage());
    }

    @Test
    void aFailedRebuildLeavesTheOldRows() throws SQLException {
        try (AgreementStore store = create()) {
            store.replaceDerived(List.of(DOC), List.of(agreement("a1", 1, "x")));
            // An agreement pointing at a document that is not there violates a foreign key: all or nothing.
            Agreement orphan = new Agreement("a9", OptionalInt.empty(), "z", List.of(), List.of(),
                    new Agreement.Source("weg.txt", "Weg", Optional.empty(), "", ""), Agreement.OPEN, false);
            assertThrows(SQLException.class, () -> store.replaceDerived(List.of(DOC), List.of(orphan)));
            assertEquals(List.of("a1"), store.agreements(OptionalInt.empty()).stream().map(Agreement::id).toList());
        }
    }
}
