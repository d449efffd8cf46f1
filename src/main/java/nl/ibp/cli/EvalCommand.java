package nl.ibp.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.OptionalInt;
import nl.ibp.agreements.Agreement;
import nl.ibp.agreements.AgreementStore;
import nl.ibp.answer.AnswerEngine;
import nl.ibp.config.Now;
import nl.ibp.conversation.Conversation;
import nl.ibp.conversation.UnansweredLog;
import nl.ibp.eval.Baseline;
import nl.ibp.eval.ConversationEval;
import nl.ibp.eval.GoldAgreement;
import nl.ibp.eval.GoldQuestion;
import nl.ibp.eval.Metrics;
import nl.ibp.ingest.CorpusFiles;
import nl.ibp.ingest.Extraction;
import nl.ibp.ingest.ExtractionLimits;
import nl.ibp.ingest.Extractor;
import nl.ibp.ingest.SourceDocument;
import nl.ibp.search.PassageSearcher;
import nl.ibp.search.Ranking;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ibp eval}: ranking quality on gold questions, beside the naive baseline. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Meet hit@1, hit@3, hit@5 en MRR@10 op goudvragen naast de naïeve baseline, de afspraken"
                + " en de korte antwoorden op gespreksbeurten per soort.")
final class EvalCommand implements Callable<Integer> {

    @Mixin
    Locations locations;

    @Option(names = "--questions", paramLabel = "FILE", description = "Goudvragen, JSONL (standaard: ../shared/eval/questions.jsonl).")
    Path questions;

    @Option(names = "--agreements", paramLabel = "FILE",
            description = "Goudafspraken, JSONL (standaard: agreements.jsonl naast de vragen).")
    Path agreements;

    @Option(names = "--conversation", paramLabel = "FILE",
            description = "Gespreksbeurten, JSONL (standaard: conversation.jsonl naast de vragen).")
    Path conversation;

    @Option(names = "--no-answer", paramLabel = "FILE",
            description = "Vragen waarop de documenten geen antwoord hebben, JSONL (standaard: eval/no-answer.jsonl).")
    Path noAnswer;

    @Option(names = "--ranking", paramLabel = "K1,B,BODY,PARTS,HEADING,PROXIMITY,SLOP,OPGAVE,CUE[,COMPOUND_PART[,SUBJECT]]", hidden = true,
            description = "Ranking parameters to try instead of the defaults (for tuning).")
    String ranking;

    private final Terminal terminal;

    EvalCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws Exception {
        var settings = locations.settings();
        Path file = questions != null ? questions
                : settings.corpus().getParent().resolve("../shared/eval/questions.jsonl").normalize();
        if (!Files.isRegularFile(file)) {
            terminal.err().println("ibp eval: geen goudvragen gevonden in " + file + ". De ontwikkelsets staan in ../shared/eval/"
                    + " naast de repository; geef anders een bestand op: ibp eval --questions VRAGEN.jsonl"
                    + " [--agreements AFSPRAKEN.jsonl] [--conversation GESPREKKEN.jsonl]");
            return ExitCodes.USAGE;
        }
        IndexCommand.ensureIndex(terminal, locations);
        List<GoldQuestion> gold = GoldQuestion.read(file);
        if (ranking != null && ranking.contains(";")) {
            return sweep(gold);
        }
        Metrics system = measure(gold, ranking == null ? Ranking.defaults() : parseRanking(ranking));
        Metrics baseline;
        try (Baseline naive = new Baseline(documents(settings.corpus()))) {
            baseline = Metrics.measure(gold, naive);
        }
        var out = terminal.out();
        out.printf(Locale.ROOT, "%d questions from %s%n%n", gold.size(), file);
        out.printf(Locale.ROOT, "%-28s %6s %6s %6s %7s%n", "", "hit@1", "hit@3", "hit@5", "MRR@10");
        row("IBP-assistent", system);
        row("baseline (StandardAnalyzer)", baseline);
        out.println();
        out.println(system.misses().isEmpty() ? "No misses." : "Not first (rank in top 10, 0 = not found):");
        for (Metrics.Miss miss : system.misses()) {
            String top = miss.top().replaceAll("\\s+", " ");
            out.printf(Locale.ROOT, "  %-5s rank %2d  %s%n        top: %s%n", miss.question().id(), miss.rank(),
                    miss.question().question(), top.length() > 120 ? top.substring(0, 120) + "…" : top);
        }
        Path agreementsFile = agreements != null ? agreements : file.resolveSibling("agreements.jsonl");
        if (Files.isRegularFile(agreementsFile)) {
            List<GoldAgreement> goldAgreements = GoldAgreement.read(agreementsFile);
            List<Agreement> tracked;
            try (AgreementStore store = locations.tracker()) {
                tracked = store.agreements(OptionalInt.empty());
            }
            GoldAgreement.Recall recall = GoldAgreement.recall(goldAgreements, tracked);
            out.printf(Locale.ROOT, "%nAgreements: recall %.3f on %d gold agreements from %s (%d tracked)%n",
                    recall.recall(), goldAgreements.size(), agreementsFile, tracked.size());
            for (GoldAgreement miss : recall.misses()) {
                out.printf(Locale.ROOT, "  missed %-4s %-14s opgave %s, %s%s%n", miss.id(), miss.type(), miss.opgaven(),
                        miss.must(), miss.type().equals("deadline") ? " in " + miss.year() : " by " + miss.actors());
            }
        }
        Path turnsFile = conversation != null ? conversation : file.resolveSibling("conversation.jsonl");
        if (Files.isRegularFile(turnsFile)) {
            report("Chat turns", turnsFile);
        }
        Path negatives = noAnswer != null ? noAnswer : settings.corpus().getParent().resolve("eval/no-answer.jsonl");
        if (Files.isRegularFile(negatives)) {
            report("Questions without an answer in the documents", negatives);
        }
        return ExitCodes.OK;
    }

    /** Lead answers on chat turns, per kind: today's date is the process clock's (IBP_NOW fixes it). */
    private void report(String title, Path file) throws Exception {
        var out = terminal.out();
        List<ConversationEval.GoldTurn> turns = ConversationEval.read(file);
        ConversationEval.Result result;
        try (AnswerEngine engine = AnswerEngine.open(locations.layout());
             Conversation chats = new Conversation(Now.clock(), UnansweredLog.none())) {
            result = ConversationEval.score(turns, engine, chats);
        }
        out.printf(Locale.ROOT, "%n%s: %d turns from %s%n", title, turns.size(), file);
        result.perKind().forEach((kind, n) -> out.printf(Locale.ROOT, "  %-10s %3d/%-3d %.3f%n", kind, n[0], n[1],
                (double) n[0] / n[1]));
        if (result.perKind().keySet().stream().anyMatch(k -> !k.equals("no_answer"))) {
            out.printf(Locale.ROOT, "  answered turns right %.3f, overall %.3f%n", result.answered(), result.overall());
        }
        for (ConversationEval.Scored s : result.turns()) {
            if (!s.right()) {
                String lead = s.lead().isEmpty() ? "(geen antwoord)" : s.lead().replaceAll("\\s+", " ");
                out.printf(Locale.ROOT, "  miss %-5s %-9s %s%n        lead: %s%n", s.turn().id(), s.turn().kind(), s.turn().text(),
                        lead.length() > 140 ? lead.substring(0, 140) + "…" : lead);
            }
        }
    }

    private void row(String name, Metrics m) {
        terminal.out().printf(Locale.ROOT, "%-28s %6.3f %6.3f %6.3f %7.3f%n", name, m.hit1(), m.hit3(), m.hit5(), m.mrr10());
    }

    private Metrics measure(List<GoldQuestion> gold, Ranking r) throws Exception {
        try (PassageSearcher searcher = PassageSearcher.open(locations.layout(), r)) {
            return Metrics.measure(gold, (q, k) -> searcher.search(q, k).stream().map(h -> h.passage().text()).toList());
        }
    }

    /** One line per ranking of a ';'-separated list: for tuning, not for users. */
    private int sweep(List<GoldQuestion> gold) throws Exception {
        for (String one : ranking.split(";")) {
            if (!one.isBlank()) {
                Metrics m = measure(gold, parseRanking(one.strip()));
                terminal.out().printf(Locale.ROOT, "%-40s %6.3f %6.3f %6.3f %7.3f%n", one.strip(), m.hit1(), m.hit3(), m.hit5(), m.mrr10());
            }
        }
        return ExitCodes.OK;
    }

    private Ranking parseRanking(String ranking) {
        String[] v = ranking.split(",");
        if (v.length < 9 || v.length > 11) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--ranking needs 9 to 11 comma-separated values, got " + ranking);
        }
        return new Ranking(Float.parseFloat(v[0]), Float.parseFloat(v[1]), Float.parseFloat(v[2]),
                Float.parseFloat(v[3]), Float.parseFloat(v[4]), Float.parseFloat(v[5]), Integer.parseInt(v[6]),
                Float.parseFloat(v[7]), Float.parseFloat(v[8]),
                v.length >= 10 ? Float.parseFloat(v[9]) : Ranking.defaults().compoundPart(),
                v.length == 11 ? Float.parseFloat(v[10]) : Ranking.defaults().subject());
    }

    private static List<SourceDocument> documents(Path corpus) throws Exception {
        List<SourceDocument> documents = new ArrayList<>();
        try (Extractor extractor = new Extractor(ExtractionLimits.defaults())) {
            for (Path f : CorpusFiles.list(corpus)) {
                if (extractor.extract(corpus, f) instanceof Extraction.Extracted x) {
                    documents.add(x.document());
                }
            }
        }
        return documents;
    }
}
