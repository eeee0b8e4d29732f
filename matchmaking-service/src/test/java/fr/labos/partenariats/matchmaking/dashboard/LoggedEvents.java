package fr.labos.partenariats.matchmaking.dashboard;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.util.List;

/** What a class logs while open, at every level: {@code try (LoggedEvents logged = LoggedEvents.of(X.class)) {...}}. */
final class LoggedEvents implements AutoCloseable {

    private final Logger logger;
    private final Level levelBefore;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private LoggedEvents(Class<?> type) {
        logger = (Logger) LoggerFactory.getLogger(type);
        levelBefore = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        appender.start();
        logger.addAppender(appender);
    }

    static LoggedEvents of(Class<?> type) {
        return new LoggedEvents(type);
    }

    /** The messages logged at that level, formatted. */
    List<String> at(Level level) {
        return appender.list.stream().filter(event -> event.getLevel() == level)
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(levelBefore);
    }
}
