package fr.labos.partenariats.platform.problem;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.List;

import static fr.labos.partenariats.platform.problem.AggregateRefusalLogFilter.AXON_REPOSITORY_LOGGER;
import static fr.labos.partenariats.platform.problem.AggregateRefusalLogFilter.CREATION_FAILED;
import static org.assertj.core.api.Assertions.assertThat;

/** What Axon's repository may still log once the filter is on Logback, and what it no longer does. */
class AggregateRefusalLogFilterTest {

    /** A rule's refusal, which the API answers 409. */
    static final class PairTaken extends RuntimeException {
    }

    /** Mapped too, but to a server error. */
    static final class StoreUnavailable extends RuntimeException {
    }

    private final Logger axon = (Logger) LoggerFactory.getLogger(AXON_REPOSITORY_LOGGER);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private AggregateRefusalLogging filter;

    @BeforeEach
    void install() {
        logged.start();
        axon.addAppender(logged);
        filter = new AggregateRefusalLogging(new ProblemCatalog(List.of(
                ProblemMapping.of(PairTaken.class, ProblemTypes.CONFLICT),
                ProblemMapping.of(StoreUnavailable.class, ProblemTypes.SERVICE_UNAVAILABLE))));
    }

    @AfterEach
    void uninstall() {
        filter.destroy();
        axon.detachAppender(logged);
    }

    @Test
    void aRefusalAtCreationIsNotLoggedWhetherThrownAsItIsOrWrapped() {
        axon.warn(CREATION_FAILED, new PairTaken());
        axon.warn(CREATION_FAILED, new IllegalStateException("commande refusée", new PairTaken()));

        assertThat(logged.list).isEmpty();
    }

    @Test
    void aFailureAtCreationIsStillLogged() {
        axon.warn(CREATION_FAILED, new IllegalStateException("connexion perdue"));
        axon.warn(CREATION_FAILED, new StoreUnavailable());

        assertThat(logged.list).hasSize(2);
    }

    @Test
    void otherWarningsAndOtherLoggersAreLeftAlone() {
        axon.warn("Exception occurred while trying to load/create aggregate with identifier [{}].", "intro-1",
                new PairTaken());
        axon.warn(CREATION_FAILED);
        Logger another = (Logger) LoggerFactory.getLogger("fr.labos.partenariats.test");
        ListAppender<ILoggingEvent> anotherLogged = new ListAppender<>();
        anotherLogged.start();
        another.addAppender(anotherLogged);
        another.warn(CREATION_FAILED, new PairTaken());
        another.detachAppender(anotherLogged);

        assertThat(logged.list).hasSize(2);
        assertThat(anotherLogged.list).hasSize(1);
    }

    @Test
    void onceTheContextStopsTheFilterIsGone() {
        filter.destroy();

        axon.warn(CREATION_FAILED, new PairTaken());

        assertThat(logged.list).hasSize(1);
    }
}
