package fr.labos.partenariats.platform.problem;

import java.util.Set;

/**
 * The problem statuses an operation may answer beyond those every operation documents (400, 401, 403, 404 with an id
 * in the path, 413 with a body, 429): a service declares them (e.g. 409 where a state can refuse, 503 where a store may
 * be away) for its OpenAPI document.
 */
@FunctionalInterface
public interface ExtraProblems {

    /** Extra statuses of the operation {@code method} {@code path} (path as in the OpenAPI document). */
    Set<Integer> of(String method, String path);
}
