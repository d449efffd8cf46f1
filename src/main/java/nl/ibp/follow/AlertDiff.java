package nl.ibp.follow;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import nl.ibp.agreements.Agreement;

/**
 * What a new index generation brought, per opgave: the agreements it did not have before (from a
 * document added or changed) and the deadlines a newer letter moved. The old generation is given
 * as what was known of its agreements (id and superseded-by), which the state database keeps
 * between runs, so a generation made by another process, or while the bot was down, is compared
 * just the same.
 */
public final class AlertDiff {

    private AlertDiff() {
    }

    /** A deadline that moved: the older agreement and the newer one that moved it (when it is there). */
    public record Move(Agreement old, Optional<Agreement> newer) {
        public Move {
            Objects.requireNonNull(old, "old");
            Objects.requireNonNull(newer, "newer");
        }
    }

    /** What is new for one opgave: added agreements, moved deadlines, and the documents they come from. */
    public record OpgaveNews(int opgave, List<Agreement> added, List<Move> moved, List<Agreement.Source> documents) {
        public OpgaveNews {
            added = List.copyOf(added);
            moved = List.copyOf(moved);
            documents = List.copyOf(documents);
        }
    }

    /** The agreements of a generation as the diff remembers them: id to the id of what superseded it. */
    public static Map<String, Optional<String>> known(List<Agreement> agreements) {
        Map<String, Optional<String>> known = new LinkedHashMap<>();
        agreements.forEach(a -> known.put(a.id(), a.supersededBy()));
        return known;
    }

    /** The news per opgave, by opgave number; empty when nothing new touches an opgave. */
    public static List<OpgaveNews> between(Map<String, Optional<String>> old, List<Agreement> fresh) {
        Map<String, Agreement> byId = new LinkedHashMap<>();
        fresh.forEach(a -> byId.put(a.id(), a));
        Map<Integer, List<Agreement>> added = new TreeMap<>();
        Map<Integer, List<Move>> moved = new TreeMap<>();
        for (Agreement a : fresh) {
            Optional<String> before = old.get(a.id());
            if (before == null) {
                if (a.opgave().isPresent() && !a.superseded()) {
                    added.computeIfAbsent(a.opgave().getAsInt(), k -> new ArrayList<>()).add(a);
                }
            } else if (before.isEmpty() && a.superseded()) {
                Optional<Agreement> newer = a.supersededBy().map(byId::get);
                OptionalInt opgave = a.opgave().isPresent() ? a.opgave()
                        : newer.map(Agreement::opgave).orElse(OptionalInt.empty());
                if (opgave.isPresent()) {
                    moved.computeIfAbsent(opgave.getAsInt(), k -> new ArrayList<>()).add(new Move(a, newer));
                }
            }
        }
        Set<Integer> opgaven = new java.util.TreeSet<>(added.keySet());
        opgaven.addAll(moved.keySet());
        List<OpgaveNews> news = new ArrayList<>();
        for (int o : opgaven) {
            List<Agreement> a = added.getOrDefault(o, List.of());
            List<Move> m = moved.getOrDefault(o, List.of());
            Map<String, Agreement.Source> documents = new LinkedHashMap<>();
            a.forEach(x -> documents.putIfAbsent(x.source().document(), x.source()));
            m.forEach(x -> x.newer().ifPresent(n -> documents.putIfAbsent(n.source().document(), n.source())));
            news.add(new OpgaveNews(o, a, m, List.copyOf(documents.values())));
        }
        return List.copyOf(news);
    }

    /** A key for the news of some opgaven: the same news is alerted once, whoever computes it when. */
    public static String key(List<OpgaveNews> news) {
        Set<String> parts = new LinkedHashSet<>();
        for (OpgaveNews n : news) {
            n.added().forEach(a -> parts.add(n.opgave() + "+" + a.id()));
            n.moved().forEach(m -> parts.add(n.opgave() + ">" + m.old().id()));
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            parts.stream().sorted().forEach(p -> sha.update((p + "\n").getBytes(StandardCharsets.UTF_8)));
            return "news-" + HexFormat.of().formatHex(sha.digest()).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
