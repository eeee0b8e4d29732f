package fr.labos.partenariats.platform.problem;

import java.util.ArrayList;
import java.util.List;

/** The services' {@link ProblemMapping}s, looked up by the exception's class, nearest superclass first. */
final class ProblemCatalog {

    /** How deep in an exception's causes a mapped one is looked for (a command's wrappers are two or three deep). */
    private static final int MAX_CAUSES = 5;

    private final List<ProblemMapping<?>> mappings;

    ProblemCatalog(List<ProblemMapping<?>> mappings) {
        this.mappings = List.copyOf(mappings);
    }

    ProblemMapping<?> find(Throwable e) {
        for (Class<?> type = e.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (ProblemMapping<?> mapping : mappings) {
                if (mapping.exception() == type) {
                    return mapping;
                }
            }
        }
        return null;
    }

    /**
     * Whether the API answers this exception with a 4xx problem: it, or one of its first causes, as
     * {@link ProblemHandler} looks for them, has a mapping to a client error.
     */
    boolean answersWithAClientError(Throwable e) {
        for (Throwable cause : causesOf(e)) {
            ProblemMapping<?> mapping = find(cause);
            if (mapping != null) {
                return mapping.type().status().is4xxClientError();
            }
        }
        return false;
    }

    /** The exception and its first causes, outermost first: where a mapped one is looked for. */
    static List<Throwable> causesOf(Throwable e) {
        List<Throwable> chain = new ArrayList<>(MAX_CAUSES);
        for (Throwable cause = e; cause != null && chain.size() < MAX_CAUSES; cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }
}
