package nl.ibp.conversation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import nl.ibp.agreements.Agreement;
import nl.ibp.answer.AnswerEngine.Answer;
import nl.ibp.passage.Opgave;
import nl.ibp.search.Hit;

/**
 * What the assistant says to one turn, before any face (terminal, Telegram, JSON) renders it.
 *
 * @param kind        what sort of reply this is
 * @param question    the question as it was read (spelling corrected; a switch marker removed)
 * @param lead        the lead answer, when there is a good one
 * @param card        the opgave card, for a question about an opgave as a whole
 * @param suggestions for a turn without a good answer: nearest opgaven, "Bedoelde u …?"
 * @param context     the topic taken from the chat when the turn was read as a follow-up
 * @param notices     short remarks to show before the answer (the documents are in Dutch; a correction)
 * @param answer      the engine's answer underneath (passages, agreements), when one was searched
 */
public record Response(Kind kind, String question, Optional<Lead> lead, Optional<OpgaveCard> card,
                       List<Suggestion> suggestions, Optional<Topic> context, List<String> notices,
                       Optional<Answer> answer) {

    public enum Kind {
        /** A lead answer from the documents. */
        ANSWER,
        /** The card of an opgave: ambition, deadlines, who does what. */
        OPGAVE,
        /** Nothing answers the question well enough. */
        NO_ANSWER,
        /** A greeting or thanks: no question to answer. */
        SMALL_TALK,
        /** An empty turn. */
        EMPTY
    }

    public Response {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(card, "card");
        suggestions = List.copyOf(suggestions);
        Objects.requireNonNull(context, "context");
        notices = List.copyOf(notices);
        Objects.requireNonNull(answer, "answer");
    }

    /**
     * The lead answer: one or two sentences that answer the question as asked, and where they stand.
     *
     * @param text   the sentences, with the status of a deadline in words where it asks "wanneer"
     * @param source the passage they come from (document, date, section)
     * @param opgave the opgave the answer belongs to, when it belongs to one
     */
    public record Lead(String text, Hit source, Optional<Opgave> opgave) {
        public Lead {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(opgave, "opgave");
        }
    }

    /** The topic a follow-up was read in: the earlier question and its opgave. */
    public record Topic(String question, Optional<Opgave> opgave) {
        /** "opgave 1, Samen aan de slag voor het klimaat", or the earlier question. */
        public String label() {
            return opgave.map(o -> "opgave " + o.number() + ", " + o.title()).orElse(question);
        }
    }

    /** Where to look instead when there is no good answer. */
    public sealed interface Suggestion {
        /** An opgave close to the question. */
        record NearOpgave(Opgave opgave) implements Suggestion {
        }

        /** The question as the documents would spell it ("Bedoelde u …?"). */
        record DidYouMean(String text) implements Suggestion {
        }
    }

    /**
     * An opgave as a whole.
     *
     * @param opgave    which
     * @param ambition  the first sentences of its shared ambition, with their passage
     * @param deadlines its agreements with a date, current ones first
     * @param actors    who takes part, most often named first
     */
    public record OpgaveCard(Opgave opgave, Optional<Lead> ambition, List<Agreement> deadlines, List<String> actors) {
        public OpgaveCard {
            deadlines = List.copyOf(deadlines);
            actors = List.copyOf(actors);
        }
    }
}
