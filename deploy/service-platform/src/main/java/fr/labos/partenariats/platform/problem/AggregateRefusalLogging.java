package fr.labos.partenariats.platform.problem;

import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * {@link AggregateRefusalLogFilter} on Logback for as long as the service's context lives (several services may share
 * a JVM, in tests and in the local launcher: each removes its own filter when it stops).
 */
final class AggregateRefusalLogging implements DisposableBean {

    private final LoggerContext logback;
    private final AggregateRefusalLogFilter filter;

    AggregateRefusalLogging(ProblemCatalog catalog) {
        this.logback = LoggerFactory.getILoggerFactory() instanceof LoggerContext context ? context : null;
        this.filter = new AggregateRefusalLogFilter(catalog);
        if (logback != null) {
            filter.setContext(logback);
            filter.start();
            logback.addTurboFilter(filter);
        }
    }

    @Override
    public void destroy() {
        if (logback != null) {
            logback.getTurboFilterList().remove(filter);
            filter.stop();
        }
    }
}
