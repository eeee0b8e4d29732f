package fr.labos.partenariats.platform.security;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The provider's keys as a cached key source gives them, but a token asking for a key none held answers (a key id never
 * seen, a thumbprint) makes it fetch the key set again (a key rotated in) at most once every {@code interval}: anyone, without an account, can send tokens
 * with made-up key ids, and each would otherwise be a call to the provider. The cache's own renewal (its time to
 * live) is not limited, so that spending the allowance on made-up ids never keeps the real keys from being renewed.
 * A key id refused here is a key not found: the token is refused (401).
 */
final class UnknownKeyFetchLimit implements JWKSource<SecurityContext> {

    private static final JWKSelector EVERY_KEY = new JWKSelector(new JWKMatcher.Builder().build());

    private final JWKSource<SecurityContext> keys;
    private final long intervalMillis;
    private final Clock clock;
    /** When a key id never seen last let the source fetch; 0: never. */
    private final AtomicLong lastUnknownFetch = new AtomicLong();

    UnknownKeyFetchLimit(JWKSource<SecurityContext> keys, Duration interval, Clock clock) {
        this.keys = keys;
        this.intervalMillis = interval.toMillis();
        this.clock = clock;
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
        // The keys held now (fetched on first use and when the cache's time is up, never limited). What the token's
        // header asks of a key is more than its id — a certificate thumbprint, a type, a use — and a header that no
        // key held answers, whatever it names (the provider's own key id with a made-up thumbprint, a thumbprint and
        // no id), makes the cached source fetch the key set: limited as a made-up id is.
        List<JWK> held = selector.select(new JWKSet(keys.get(EVERY_KEY, context)));
        if (!held.isEmpty()) {
            return held;
        }
        return mayFetch() ? keys.get(selector, context) : List.of();
    }

    private boolean mayFetch() {
        long now = clock.millis();
        long last = lastUnknownFetch.get();
        return (last == 0 || now - last >= intervalMillis) && lastUnknownFetch.compareAndSet(last, now);
    }
}
