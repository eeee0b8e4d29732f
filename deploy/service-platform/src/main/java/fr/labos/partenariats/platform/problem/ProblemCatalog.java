package fr.labos.partenariats.platform.problem;

import java.util.List;

/** The services' {@link ProblemMapping}s, looked up by the exception's class, nearest superclass first. */
final class ProblemCatalog {

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
}
