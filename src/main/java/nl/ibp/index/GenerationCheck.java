package nl.ibp.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;

/**
 * Checks the generation an index directory serves, without changing anything: CURRENT names a
 * generation directory inside the index directory; its manifest is readable; every file of the
 * latest Lucene commit is there and passes its footer checksum (what Lucene's CheckIndex checks at
 * its lowest level, and {@code LeafReader.checkIntegrity}), with as many passages as the manifest
 * says; and each derivation's own check.
 */
public final class GenerationCheck {

    /** The outcome: what CURRENT said, and every problem found (empty: sound, or no index yet). */
    public record Health(IndexLayout.Pointer pointer, List<Finding> findings) {
        public Health {
            findings = List.copyOf(findings);
        }

        public boolean sound() {
            return findings.isEmpty();
        }

        /** The generation served, when CURRENT names one (it may still have findings). */
        public Optional<Path> served() {
            return pointer instanceof IndexLayout.Pointer.Generation g ? Optional.of(g.directory()) : Optional.empty();
        }
    }

    private GenerationCheck() {
    }

    public static Health check(IndexLayout layout, List<Derivation> derivations) throws IOException {
        if (!Files.isDirectory(layout.root())) {
            return new Health(new IndexLayout.Pointer.None(), List.of());
        }
        IndexLayout.Pointer pointer = layout.pointer();
        List<Finding> findings = new ArrayList<>();
        switch (pointer) {
            case IndexLayout.Pointer.None none -> {
                return new Health(pointer, List.of());
            }
            case IndexLayout.Pointer.Broken b -> findings.add(new Finding(IndexLayout.CURRENT, b.problem()));
            case IndexLayout.Pointer.Generation g -> {
                Path generation = g.directory();
                Optional<Manifest> manifest = Manifest.read(generation);
                if (manifest.isEmpty()) {
                    findings.add(new Finding("manifest", generation.getFileName() + " heeft geen leesbaar " + IndexLayout.MANIFEST));
                }
                lucene(generation, manifest).ifPresent(findings::add);
                for (Derivation d : derivations) {
                    d.check(generation).ifPresent(findings::add);
                }
            }
        }
        return new Health(pointer, findings);
    }

    /** Opens the Lucene index of a generation and verifies every file's checksum. */
    static Optional<Finding> lucene(Path generation, Optional<Manifest> manifest) {
        String part = "Lucene-index";
        try (FSDirectory dir = FSDirectory.open(generation)) {
            SegmentInfos infos;
            try {
                infos = SegmentInfos.readLatestCommit(dir);
            } catch (IndexNotFoundException e) {
                return Optional.of(new Finding(part, generation.getFileName() + " bevat geen Lucene-index"));
            }
            for (String file : infos.files(true)) {
                if (!Files.isRegularFile(generation.resolve(file))) {
                    return Optional.of(new Finding(part, "bestand " + file + " van " + generation.getFileName() + " ontbreekt"));
                }
            }
            // Every file's footer checksum, as LeafReader.checkIntegrity does, without opening a reader
            // (which costs the codec stack's start-up on every run).
            for (String file : infos.files(true)) {
                try (IndexInput in = dir.openInput(file, IOContext.READONCE)) {
                    CodecUtil.checksumEntireFile(in);
                }
            }
            int docs = 0;
            for (SegmentCommitInfo info : infos) {
                docs += info.info.maxDoc() - info.getDelCount();
            }
            if (manifest.isPresent() && manifest.get().passages() != docs) {
                return Optional.of(new Finding(part, "bevat " + docs + " passages, het manifest noemt er "
                        + manifest.get().passages()));
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of(new Finding(part, generation.getFileName() + " is beschadigd ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")"));
        }
    }
}
