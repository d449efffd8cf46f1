package nl.ibp.bot;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import nl.ibp.bot.BotStore.Intake;
import nl.ibp.bot.BotStore.Outcome;
import nl.ibp.bot.BotStore.Planned;
import nl.ibp.bot.Handler.Incoming;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Answers one update taken in, exactly once: the handler's replies are planned and stored before
 * the first is sent, every step is marked when Telegram took it, and the update is marked
 * answered at the end. After a restart an update is picked up where it was left: a stored plan is
 * sent on from the first step not marked (the handler is not asked again), else the handler runs.
 * When the handler throws, or a step keeps failing, the user gets an apology instead (and a
 * button press its answer). At a stop, work not yet done is left as it is, for the next start.
 */
final class UpdateResponder {

    private static final Logger LOG = LoggerFactory.getLogger(UpdateResponder.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Handler handler;
    private final BotStore store;
    private final ReplySender sender;
    private final Supplier<Optional<UpdateReader.Me>> me;
    private final StopSignal stop;
    private final Clock clock;

    UpdateResponder(Handler handler, BotStore store, ReplySender sender, Supplier<Optional<UpdateReader.Me>> me,
                    StopSignal stop, Clock clock) {
        this.handler = handler;
        this.store = store;
        this.sender = sender;
        this.me = me;
        this.stop = stop;
        this.clock = clock;
    }

    /**
     * Answers the update; nothing escapes. Left pending when the adapter stops first or the store
     * fails. {@code fresh}: just taken in, so it has no plan yet (the store need not be asked).
     */
    void answer(Intake intake, boolean fresh) {
        try {
            if (stop.stopped()) {
                return;
            }
            List<Planned> plan = fresh ? List.of() : store.planned(intake.seq());
            if (plan.isEmpty()) {
                Optional<Incoming> incoming = read(intake);
                if (incoming.isEmpty()) {
                    LOG.debug("update {} in chat {}: no reply (not meant for the bot)", intake.updateId(), intake.chat());
                    store.markAnswered(intake, Outcome.NO_REPLY, clock.instant());
                    return;
                }
                plan = plan(intake, incoming.get());
                if (plan.isEmpty()) {
                    store.markAnswered(intake, Outcome.NO_REPLY, clock.instant());
                    return;
                }
            } else {
                LOG.info("update {} in chat {}: resuming its answer at step {} of {}", intake.updateId(), intake.chat(),
                        plan.stream().filter(Planned::sent).count() + 1, plan.size());
            }
            deliver(intake, plan);
        } catch (InterruptedException e) {
            LOG.info("update {} in chat {} left for the next start", intake.updateId(), intake.chat());
        } catch (SQLException e) {
            LOG.error("update {} in chat {}: the bot's database failed, left pending: {}", intake.updateId(), intake.chat(),
                    e.getMessage());
        } catch (RuntimeException e) { // a bug: apologise and close it, or it would fail again at every start
            LOG.error("update {} in chat {} failed", intake.updateId(), intake.chat(), e);
            try {
                Outcome outcome = Outcome.UNDELIVERED;
                if (!stop.stopped()) {
                    sender.make(Step.send(intake.chat(), Html.esc(TelegramBot.APOLOGY), List.of()));
                    outcome = Outcome.APOLOGISED;
                }
                store.markAnswered(intake, outcome, clock.instant());
            } catch (BotApiException | SQLException | InterruptedException | RuntimeException again) {
                LOG.error("update {} in chat {}: closing it failed too: {}", intake.updateId(), intake.chat(), again.toString());
            }
        }
    }

    private Optional<Incoming> read(Intake intake) {
        try {
            Update update = JSON.readValue(intake.json(), Update.class);
            return UpdateReader.incoming(update, me.get().orElse(null));
        } catch (java.io.IOException | RuntimeException e) { // checked when taken in: only a changed library gets here
            LOG.warn("update {} dropped: unreadable ({})", intake.updateId(), e.getMessage());
            return Optional.empty();
        }
    }

    /** Runs the handler and stores what it answered as steps; an apology when it throws. */
    private List<Planned> plan(Intake intake, Incoming incoming) throws SQLException, InterruptedException {
        List<Step> steps;
        try {
            steps = Step.plan(incoming, handler.handle(incoming));
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            if (stop.stopped()) {
                throw new InterruptedException("stopping");
            }
            LOG.error("update {} in chat {} failed: {}", intake.updateId(), intake.chat(), e.toString(),
                    e instanceof RuntimeException ? e : null);
            steps = Step.apology(incoming);
        }
        return store.plan(intake.seq(), steps.stream().map(Step::toJson).toList());
    }

    /**
     * Makes the steps not yet sent, in order, and records the outcome (with the last step, in one
     * transaction); on a failure the apology, once.
     */
    private void deliver(Intake intake, List<Planned> plan) throws SQLException, InterruptedException {
        int last = plan.getLast().position();
        for (Planned p : plan) {
            if (p.sent()) {
                continue;
            }
            stop.check();
            Step step = Step.fromJson(p.step());
            ReplySender.Result result;
            try {
                result = sender.make(step);
            } catch (BotApiException e) {
                if (step.kind() == Step.Kind.ANSWER_CALLBACK) { // the rest of the answer can still go
                    LOG.warn("update {} in chat {}: the press could not be answered: {}", intake.updateId(), intake.chat(),
                            e.getMessage());
                    result = ReplySender.Result.DONE;
                } else {
                    LOG.error("update {} in chat {}: {} failed: {}", intake.updateId(), intake.chat(), step.kind(),
                            e.getMessage());
                    store.markAnswered(intake, apologise(intake, step), clock.instant());
                    return;
                }
            }
            if (result == ReplySender.Result.CHAT_GONE) {
                store.finish(intake, p.position(), Outcome.UNDELIVERED, clock.instant());
                return;
            }
            if (p.position() == last) {
                store.finish(intake, p.position(), Outcome.ANSWERED, clock.instant());
                return;
            }
            store.markSent(intake.seq(), p.position());
        }
        store.markAnswered(intake, Outcome.ANSWERED, clock.instant()); // all sent before a stop, not yet recorded
    }

    private Outcome apologise(Intake intake, Step failed) throws InterruptedException {
        if (failed.kind() == Step.Kind.SEND && Html.esc(TelegramBot.APOLOGY).equals(failed.text())) {
            return Outcome.UNDELIVERED; // the apology itself failed
        }
        try {
            sender.make(Step.send(intake.chat(), Html.esc(TelegramBot.APOLOGY), List.of()));
            return Outcome.APOLOGISED;
        } catch (BotApiException again) {
            LOG.error("update {} in chat {}: the apology failed too: {}", intake.updateId(), intake.chat(), again.getMessage());
            return Outcome.UNDELIVERED;
        }
    }
}
