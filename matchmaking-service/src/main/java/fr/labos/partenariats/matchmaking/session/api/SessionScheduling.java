package fr.labos.partenariats.matchmaking.session.api;

import fr.labos.partenariats.matchmaking.engine.MatchingEngine;
import fr.labos.partenariats.matchmaking.engine.model.PairExclusions;
import fr.labos.partenariats.matchmaking.introduction.command.LastingPairs;
import fr.labos.partenariats.matchmaking.matching.IndexNotReadyException;
import fr.labos.partenariats.matchmaking.matching.exclusion.IntroducedPairs;
import fr.labos.partenariats.matchmaking.session.pairs.EarlierMeetings;
import fr.labos.partenariats.matchmaking.session.pairs.SessionPairs;
import fr.labos.partenariats.matchmaking.session.pairs.WishBonuses;
import fr.labos.partenariats.matchmaking.session.query.SessionState;
import fr.labos.partenariats.matchmaking.session.schedule.Schedule;
import fr.labos.partenariats.matchmaking.session.schedule.SpeedMeetingScheduler;
import fr.labos.partenariats.schema.common.LabCalendar;
import fr.labos.partenariats.schema.session.ScheduledMeeting;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    private final ObjectProvider<LastingPairs> lastingPairs;
    private final ObjectProvider<EarlierMeetings> earlier;
    private final WishBonuses bonuses;
    private final Clock clock;
    private final Duration readyTimeout;
    private final SpeedMeetingScheduler scheduler = new SpeedMeetingScheduler();

    SessionScheduling(MatchingEngine engine, ObjectProvider<IntroducedPairs> introduced,
                      ObjectProvider<LastingPairs> lastingPairs, ObjectProvider<EarlierMeetings> earlier, Clock clock,
                      @Value("${lab.sessions.wish-bonus.one-sided:0.5}") double oneSided,
                      @Value("${lab.sessions.wish-bonus.mutual:1.0}") double mutual,
                      @Value("${matchmaking.index.ready-timeout:5s}") Duration readyTimeout) {
        this.readyTimeout = readyTimeout;
        this.engine = engine;
        this.introduced = introduced;
        this.lastingPairs = lastingPairs;
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
                lastingExclusions(session), earlier.getIfAvailable(() -> EarlierMeetings.NONE),
                bonuses, LabCalendar.today(clock));
    }

    /**
     * The pairs set aside for as long as the reason lasts, as the matcher read them from the introduction events, and
     * as the introductions wrote them down (one query for the session's participants): with the broker or the relay
     * away, two participants declined as competitors a moment ago are not seated together all the same.
     */
    private PairExclusions lastingExclusions(SessionState session) {
        IntroducedPairs pairs = introduced.getIfAvailable();
        PairExclusions read = pairs == null ? PairExclusions.NONE : pairs.lasting();
        LastingPairs written = lastingPairs.getIfAvailable();
        if (written == null) {
            return read;
        }
        Map<String, Set<String>> writtenDown = written.partnersSetAsideOf(session.participants().keySet());
        return actorId -> {
            Set<String> partners = new HashSet<>(read.excludedPartnersOf(actorId));
            partners.addAll(writtenDown.getOrDefault(actorId, Set.of()));
            return partners;
        };
    }

    /**
     * A plan of every registered participant not marked absent, before publication: the first one, or one generated
     * again (an absence noted early at the welcome desk stays one). Generated again, it keeps the locked meetings at
     * their round and table, as the board promises of a lock (a lock naming a participant withdrawn or absent since is
     * dropped: the scheduler seats only those given). A meeting moved or swapped
     * by hand but left unlocked is not kept: the whole schedule around the locks is planned afresh, so it may land
     * elsewhere or not be made at all; lock it to keep it.
     */
    Schedule planBeforePublication(SessionState session) {
        List<ScheduledMeeting> locked = session.schedule().stream().filter(ScheduledMeeting::locked).toList();
        return plan(session, session.present(), session.availableTables(), locked, 0);
    }

    /** The rounds not started, planned again for those present, keeping held meetings and locks. */
    Schedule replan(SessionState session) {
        return replan(session, session.present(), session.availableTables());
    }

    /**
     * The re-plan a live change calls for, computed before the change is written: for {@code present} (those present
     * once the change is made) on {@code tables} (the tables left then), keeping held meetings and locks — those an
     * absence set aside too, once both their participants are present again ({@link SessionState#keptFor}).
     */
    Schedule replan(SessionState session, List<String> present, List<Integer> tables) {
        return plan(session, present, tables, session.keptFor(present), session.roundsStarted());
    }

    /**
     * The scheduler numbers tables from 1 to the number available: when tables were lost, the rounds not started are
     * planned on the tables left, given to it in order and numbered back (a lock at a lost table gets a number past
     * the last, so the scheduler seats it at a free table of its round). Started rounds stay as they were held.
     */
    private Schedule plan(SessionState session, List<String> present, List<Integer> available,
                          List<ScheduledMeeting> kept, int roundsStarted) {
        Map<Integer, Integer> numberOf = new HashMap<>();
        for (int i = 0; i < available.size(); i++) numberOf.put(available.get(i), i + 1);
        List<ScheduledMeeting> keptNumbered = kept.stream().map(m -> m.round() <= roundsStarted ? m
                : atTable(m, numberOf.getOrDefault(m.table(), available.size() + 1))).toList();
        Schedule schedule = scheduler.plan(pairs(session).request(present, session.rounds(), available.size(),
                keptNumbered, roundsStarted));
        return new Schedule(schedule.meetings().stream().map(m -> m.round() <= roundsStarted ? m
                : atTable(m, available.get(m.table() - 1))).toList(), schedule.objective());
    }

    private static ScheduledMeeting atTable(ScheduledMeeting m, int table) {
        return new ScheduledMeeting(m.round(), table, m.actorId(), m.partnerActorId(), m.weight(), m.reason(),
                m.explanation(), m.locked());
    }
}
