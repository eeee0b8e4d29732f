package fr.labos.partenariats.platform.problem;

import java.util.Set;

/**
 * The problem statuses an operation may answer beyond those every operation documents (400, 401, 403, 404 with an id
 * in the path, 413 and 415 with a body, 429): a service declares them (e.g. 409 where a state can refuse, 503 where a
 * store may be away) for its OpenAPI document.
 */
@FunctionalInterface
public interface ExtraProblems {

    /** Extra statuses of the operation {@code method} {@code path} (path as in the OpenAPI document). */
    Set<Integer> of(String method, String path);

    /**
     * Those of its statuses whose answer carries {@code Retry-After} besides 429 and 503, which always do (e.g. a 409
     * that passes with time): the document then declares the header on them.
     */
    default Set<Integer> withRetryAfter(String method, String path) {
        return Set.of();
    }

    /** {@code statuses} on the operations {@code applies} to, each answered with {@code Retry-After}. */
    static ExtraProblems retryingAfter(java.util.function.BiPredicate<String, String> applies, Set<Integer> statuses) {
        return new ExtraProblems() {
            @Override
            public Set<Integer> of(String method, String path) {
                return applies.test(method, path) ? statuses : Set.of();
            }

            @Override
            public Set<Integer> withRetryAfter(String method, String path) {
                return of(method, path);
            }
        };
    }
}
