package fr.labos.partenariats.matchmaking.session.command;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * A command the session's rules refuse; the message is French, fit to show to the facilitator. Nothing was written.
 * The subclasses say how to report it: a conflict with the session's state, or invalid input.
 *
 * <p>The session knows its participants by id only, a name its readers would not recognise: a message naming actors
 * is a template where {@code {0}}, {@code {1}}… stand for them. The exception's message names them by id; the API
 * says it with their names ({@link #naming}).
 */
public abstract class SessionRefused extends RuntimeException {

    private final String template;
    private final transient List<String> actorIds;

    protected SessionRefused(String template, String... actorIds) {
        // An id may be missing from a command (null): said as such, not a failure of its own.
        this(template, Collections.unmodifiableList(Arrays.asList(actorIds.clone())));
    }

    private SessionRefused(String template, List<String> actorIds) {
        super(fill(template, actorIds, Function.identity()));
        this.template = template;
        this.actorIds = actorIds;
    }

    /** The actors the message names, in the order of their placeholders (null: one the command did not name). */
    public List<String> actorIds() {
        return actorIds;
    }

    /** The message with each actor said as {@code name} says it. */
    public String naming(Function<String, String> name) {
        return fill(template, actorIds, name);
    }

    private static String fill(String template, List<String> actorIds, Function<String, String> name) {
        String message = template;
        for (int i = 0; i < actorIds.size(); i++) {
            String actorId = actorIds.get(i);
            message = message.replace("{" + i + "}", actorId == null ? "non précisé" : name.apply(actorId));
        }
        return message;
    }
}
