package fr.labos.partenariats.platform.axon;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The event store's settings keep the relay from giving up on a transaction still open: the gap timeout exceeds
 * twice the longest transaction (an event above an open gap is at most as old as the two transactions together), and
 * no setting can make the relay's query carry more gaps than PostgreSQL takes parameters.
 */
class EventStorePropertiesTest {

    @Test
    void theDefaultsWaitForAGapFiveTimesAsLongAsTheLongestTransactionAndMoreThanAxonsMinute() {
        EventStoreProperties defaults = bind(Map.of());

        assertThat(defaults.gapTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(defaults.longestTransaction()).isEqualTo(Duration.ofMinutes(2));
        assertThat(defaults.gapTimeout()).isGreaterThan(defaults.longestTransaction().multipliedBy(2));
        assertThat(defaults.gapCleaningThreshold()).isEqualTo(250);
        // Two minutes of the write side's target, 500 events a second: what the store hands out during the longest
        // transaction, every one above its gaps.
        assertThat(defaults.maxGapOffset()).isEqualTo(60_000)
                .isGreaterThanOrEqualTo((int) (500 * defaults.longestTransaction().toSeconds()));
    }

    @Test
    void aLongestTransactionOfHalfTheGapTimeoutOrMoreIsRefused() {
        assertThatThrownBy(() -> bind(Map.of("gap-timeout", "PT4M", "longest-transaction", "PT2M")))
                .isInstanceOf(BindException.class).rootCause()
                .hasMessageContaining("lab.event-store.gap-timeout (PT4M) must exceed twice")
                .hasMessageContaining("lab.event-store.longest-transaction (PT2M)");
        assertThatThrownBy(() -> bind(Map.of("longest-transaction", "PT6M")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("must exceed twice");
        assertThatThrownBy(() -> bind(Map.of("longest-transaction", "PT0S")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("must be positive");

        // Lengthened together, on a slow database: fine.
        EventStoreProperties slow = bind(Map.of("gap-timeout", "PT30M", "longest-transaction", "PT10M"));
        assertThat(slow.longestTransaction()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void noSettingLetsTheRelaysQueryCarryMoreGapsThanPostgresqlTakesParameters() {
        assertThatThrownBy(() -> bind(Map.of("max-gap-offset", "100000")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("between 1 and 65000");
        assertThatThrownBy(() -> bind(Map.of("gap-cleaning-threshold", "0")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("must be positive");
        assertThatThrownBy(() -> bind(Map.of("gap-timeout", "P30D")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("must be under");
    }

    private static EventStoreProperties bind(Map<String, String> settings) {
        Map<String, String> prefixed = new HashMap<>();
        settings.forEach((key, value) -> prefixed.put("lab.event-store." + key, value));
        return new Binder(new MapConfigurationPropertySource(prefixed))
                .bindOrCreate("lab.event-store", EventStoreProperties.class);
    }
}
