package fr.labos.partenariats.platform.problem;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.axonframework.modelling.command.AbstractRepository;
import org.slf4j.Marker;

/**
 * Keeps Axon from logging, as a warning with its stack trace, each refusal of a rule raised while an aggregate is
 * created — a proposal for a pair already in an introduction, an actor registered without a name — which the API
 * answers with a 4xx problem, as it answers the refusals of existing aggregates, which Axon does not log. Everything
 * else that logger says still goes through: a failure at creation the API answers 500 (the problem handler logs it
 * too), and its warnings about aggregates that could not be loaded, whatever their cause.
 */
final class AggregateRefusalLogFilter extends TurboFilter {

    static final String AXON_REPOSITORY_LOGGER = AbstractRepository.class.getName();
    /** What Axon 4 logs when an aggregate's creating handler throws (AbstractRepository.newInstance). */
    static final String CREATION_FAILED = "Exception occurred while trying to create an aggregate.";

    private final ProblemCatalog catalog;

    AggregateRefusalLogFilter(ProblemCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        // Called for every logging statement of the JVM: the cheap tests first.
        if (t == null || level != Level.WARN || !CREATION_FAILED.equals(format)
                || !AXON_REPOSITORY_LOGGER.equals(logger.getName())) {
            return FilterReply.NEUTRAL;
        }
        return catalog.answersWithAClientError(t) ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}
