package fr.labos.partenariats.matchmaking.session.api;

import fr.labos.partenariats.matchmaking.engine.MatchingEngine;
import fr.labos.partenariats.matchmaking.engine.model.PairExclusions;
import fr.labos.partenariats.matchmaking.matching.IndexNotReadyException;
import fr.labos.partenariats.matchmaking.matching.exclusion.IntroducedPairs;
import fr.labos.partenariats.matchmaking.session.pairs.EarlierMeetings;
import fr.labos.partenariats.matchmaking.session.pairs.SessionPairs;
import fr.labos.partenariats.matchmaking.session.pairs.WishBonuses;
import fr.labos.partenariats.matchmaking.session.query.SessionState;
import fr.labos.partenariats.matchmaking.session.schedule.Schedule;
import fr.labos.partenariats.matchmaking.session.schedule.SpeedMeetingScheduler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * Plans a session's rounds: its pairs weighed by the matching engine and set aside by the introductions that
 * keep them apart for good ({@link IntroducedPairs#lasting()}: partners, or declined as competitor or as already
 * partners; an open introduction does not stop two actors from meeting at a table) and by earlier sessions (the
 * {@link EarlierMeetings} bean: the meetings held in other sessions, read back from the topic), then the
 * scheduler; a re-plan keeps the started rounds and the locks.
 */
@Component
class SessionScheduling {

    private final MatchingEngine engine;
    private final ObjectProvider<IntroducedPairs> introduced;
    private final ObjectProvider<EarlierMeetings> earlier;
    private final WishBonuses bonuses;
    private final Clock clock;
    private final Duration readyTimeout;
    private final SpeedMeetingScheduler scheduler = new SpeedMeetingScheduler();

    SessionScheduling(MatchingEngine engine, ObjectProvider<IntroducedPairs> introduced,
                      ObjectProvider<EarlierMeetings> earlier, Clock clock,
                      @Value("${lab.sessions.wish-bonus.one-sided:0.5}") double oneSided,
                      @Value("${lab.sessions.wish-bonus.mutual:1.0}") double mutual,
                      @Value("${matchmaking.index.ready-timeout:5s}") Duration readyTimeout) {
        this.readyTimeout = readyTimeout;
        this.engine = engine;
        this.introduced = introduced;
        this.earlier = earlier;
        this.clock = clock;
        this.bonuses = new WishBonuses(oneSided, mutual);
    }

    /**
     * The session's pairs; 503 (the index not ready) until the introductions and the earlier sessions' meetings are
     * read back from the topic up to where it stood at start, since a plan made before would seat pairs it must not.
     */
    SessionPairs pairs(SessionState session) {
        IntroducedPairs pairs = introduced.getIfAvailable();
        if (pairs != null && !pairs.awaitCaughtUp(readyTimeout)) {
            throw new IndexNotReadyException();
        }
        return new SessionPairs(session.sessionId(), session.participants(), session.wishes(), engine,
                lastingExclusions(), earlier.getIfAvailable(() -> EarlierMeetings.NONE),
                bonuses, LocalDate.now(clock));
    }

    private PairExclusions lastingExclusions() {
        IntroducedPairs pairs = introduced.getIfAvailable();
        return pairs == null ? PairExclusions.NONE : pairs.lasting();
    }

    /** A first plan of every registered participant. */
    Schedule firstPlan(SessionState session) {
        return scheduler.plan(pairs(session).request(List.copyOf(session.participants().keySet()), session.rounds(),
                session.tables(), List.of(), 0));
    }

    /** The rounds not started, planned again for those present, keeping held meetings and locks. */
    Schedule replan(SessionState session) {
        return scheduler.plan(pairs(session).request(session.present(), session.rounds(), session.tables(),
                session.kept(), session.roundsStarted()));
    }
}
