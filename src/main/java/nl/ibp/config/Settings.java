package nl.ibp.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the corpus and the index are, resolved once at start: a command-line option wins, then
 * the environment (IBP_CORPUS, IBP_INDEX), then {@code corpus/} and {@code index/} under
 * IBP_HOME (set by the {@code ibp} launcher to the repository) or the working directory.
 */
public record Settings(Path corpus, Path index) {

    public static Settings resolve(Optional<Path> corpusOption, Optional<Path> indexOption, Map<String, String> env) {
        Path home = Optional.ofNullable(env.get("IBP_HOME")).map(Path::of).orElse(Path.of(""));
        Path corpus = corpusOption.or(() -> Optional.ofNullable(env.get("IBP_CORPUS")).map(Path::of))
                .orElse(home.resolve("corpus"));
        Path index = indexOption.or(() -> Optional.ofNullable(env.get("IBP_INDEX")).map(Path::of))
                .orElse(home.resolve("index"));
        return new Settings(corpus.toAbsolutePath().normalize(), index.toAbsolutePath().normalize());
    }
}
