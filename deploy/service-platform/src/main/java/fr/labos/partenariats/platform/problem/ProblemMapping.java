package fr.labos.partenariats.platform.problem;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

import java.time.Duration;
import java.util.function.Function;

/**
 * How a service's own exception becomes a problem document, declared as a bean so that domain exceptions never know
 * about HTTP. The detail comes from the message bundles: from the exception itself when it is a
 * {@link MessageSourceResolvable}, from {@code detail} when given, else the generic detail of the type. A mapping with
 * a {@code field} answers a 400 listing that field.
 */
public final class ProblemMapping<E extends Throwable> {

    private final Class<E> exception;
    private final ProblemTypes type;
    private final Function<? super E, ? extends MessageSourceResolvable> detail;
    private final Function<? super E, String> field;
    private final Duration retryAfter;

    private ProblemMapping(Class<E> exception, ProblemTypes type,
                           Function<? super E, ? extends MessageSourceResolvable> detail,
                           Function<? super E, String> field, Duration retryAfter) {
        this.exception = exception;
        this.type = type;
        this.detail = detail;
        this.field = field;
        this.retryAfter = retryAfter;
    }

    /** {@code exception} answers a problem of {@code type}. */
    public static <E extends Throwable> ProblemMapping<E> of(Class<E> exception, ProblemTypes type) {
        return new ProblemMapping<>(exception, type, null, null, null);
    }

    /** The detail is the bundle message {@code code}, its arguments taken from the exception. */
    public ProblemMapping<E> detail(String code, Function<? super E, Object[]> arguments) {
        return detail(e -> code, arguments);
    }

    /** The detail is the bundle message of the code the exception calls for, with its arguments. */
    public ProblemMapping<E> detail(Function<? super E, String> code, Function<? super E, Object[]> arguments) {
        return new ProblemMapping<>(exception, type,
                e -> new DefaultMessageSourceResolvable(new String[]{code.apply(e)}, arguments.apply(e)), field,
                retryAfter);
    }

    /** An input error on the field the exception names: a 400 with {@code errors: [{field, message}]}. */
    public ProblemMapping<E> field(Function<? super E, String> field) {
        return new ProblemMapping<>(exception, type, detail, field, retryAfter);
    }

    /** The answer carries {@code Retry-After} (a 503 that will heal, a 429). */
    public ProblemMapping<E> retryAfter(Duration delay) {
        return new ProblemMapping<>(exception, type, detail, field, delay);
    }

    Duration retryAfter() {
        return retryAfter;
    }

    Class<E> exception() {
        return exception;
    }

    ProblemTypes type() {
        return type;
    }

    MessageSourceResolvable detailOf(Throwable e) {
        E typed = exception.cast(e);
        if (detail != null) {
            return detail.apply(typed);
        }
        return e instanceof MessageSourceResolvable resolvable ? resolvable : null;
    }

    String fieldOf(Throwable e) {
        return field == null ? null : field.apply(exception.cast(e));
    }
}
