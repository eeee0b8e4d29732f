package fr.labos.partenariats.matchmaking.matching.index;

import fr.labos.partenariats.schema.common.LabCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Lets go of posts whose end date has passed. Rankings never show them anyway (the model's validity gate compares with
 * today at query time), but the text statistics count the posts held: so it runs at the start of each day in the lab's
 * calendar, when posts expire, on every instance alike (and every hour besides, should one day's run have failed).
 */
@Component
class ExpiredPostsPurge {

    private static final Logger log = LoggerFactory.getLogger(ExpiredPostsPurge.class);

    private final MatchingIndex index;
    private final Clock clock;

    ExpiredPostsPurge(MatchingIndex index, Clock clock) {
        this.index = index;
        this.clock = clock;
    }

    /** At the first second of each day in Paris: the posts of yesterday are expired from now on. */
    @Scheduled(cron = "1 0 0 * * *", zone = "Europe/Paris")
    void purgeAtTheStartOfTheDay() {
        purge();
    }

    @Scheduled(fixedDelayString = "${matchmaking.index.purge-interval:1h}", initialDelayString = "${matchmaking.index.purge-interval:1h}")
    void purge() {
        if (index.isReady()) {
            int purged = index.purgeExpired(LabCalendar.today(clock));
            if (purged > 0) {
                log.info("Purged {} expired posts from the matching index", purged);
            }
        }
    }
}
