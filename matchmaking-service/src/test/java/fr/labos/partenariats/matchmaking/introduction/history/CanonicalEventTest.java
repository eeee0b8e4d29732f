package fr.labos.partenariats.matchmaking.introduction.history;

import com.fasterxml.jackson.databind.json.JsonMapper;
import fr.labos.partenariats.schema.matching.MatchSnapshot;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The canonical form's numbers: the same bytes on every JDK, and the bytes the hashes recorded so far were made of. */
class CanonicalEventTest {

    private static final Instant T0 = Instant.parse("2026-03-09T08:30:00Z");
    /** What the event store's serializer is: Jackson, with its defaults for doubles. */
    private static final JsonMapper SERIALIZER = JsonMapper.builder().build();

    /**
     * Texts that no double prints as on this JDK (0.10000000000000001 is the double 0.1), and one that JDK 19 and
     * later print otherwise than JDK 17: each is hashed as it is stored, not as the running JDK would print it.
     */
    @Test
    void aDecimalIsHashedAsTheTextItWasStoredWith() {
        String stored = "{\"score\":0.10000000000000001,\"tiny\":1.0E-4,\"big\":4.0301848979298272E17,\"n\":7}";
        CanonicalEvent event = CanonicalEvent.ofStored("IntroductionProposedEvent", "1",
                stored.getBytes(StandardCharsets.UTF_8), null, T0.toString(), null);
        assertThat(event.text()).contains("\"payload\":{\"big\":4.0301848979298272E17,\"n\":7,"
                + "\"score\":0.10000000000000001,\"tiny\":1.0E-4}");
    }

    /**
     * The hash of an event as the canonical form writes it, computed once and pinned: accents, guillemets, an emoji (a
     * valid surrogate pair, four bytes of UTF-8), control characters, a decimal. A change to the form would make every
     * recorded hash look altered; this test says so before a release does.
     */
    @Test
    void anEventHasTheHashItAlwaysHad() {
        CanonicalEvent event = CanonicalEvent.ofStored("IntroductionProposedEvent", "1",
                ("{\"note\":\"Prêt d'un minibus \uD83D\uDE90 — « urgent »\\n\\t\\u0001\",\"score\":0.8125,"
                        + "\"actorId\":\"actor-a\"}").getBytes(StandardCharsets.UTF_8),
                "{\"principalSubject\":\"u-member-a\",\"actingFor\":\"actor-a\"}".getBytes(StandardCharsets.UTF_8),
                "2026-05-01T09:30:00.123Z", "ab".repeat(32));
        assertThat(event.hash()).isEqualTo("2fd2ddcd802d29a8aa7065e3132913cbc1644ee33f0e60c5e1f086e0b0426c99");
        assertThat(event.text()).contains("minibus \uD83D\uDE90 — « urgent »\\n\\t\\u0001");
    }

    /**
     * A key written twice, in the payload or the metadata, at any depth: the tree would keep one value, so the row would
     * have the form (and the hash) of another that never had the first value. It is unreadable, which the verification
     * reports as an altered step.
     */
    @Test
    void aKeyWrittenTwiceIsRefusedRatherThanHashedAsTheRowWithItsLastValue() {
        String once = "{\"note\":\"B\",\"match\":{\"score\":0.5}}";
        CanonicalEvent kept = CanonicalEvent.ofStored("IntroductionProposedEvent", "1",
                once.getBytes(StandardCharsets.UTF_8), null, T0.toString(), null);
        assertThat(kept.text()).contains("\"note\":\"B\"");
        for (String twice : new String[]{"{\"note\":\"A\",\"note\":\"B\",\"match\":{\"score\":0.5}}",
                "{\"note\":\"B\",\"match\":{\"score\":0.9,\"score\":0.5}}"}) {
            assertThatThrownBy(() -> CanonicalEvent.ofStored("IntroductionProposedEvent", "1",
                    twice.getBytes(StandardCharsets.UTF_8), null, T0.toString(), null))
                    .as(twice).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> CanonicalEvent.ofStored("IntroductionProposedEvent", "1",
                once.getBytes(StandardCharsets.UTF_8),
                "{\"actingFor\":\"actor-z\",\"actingFor\":\"actor-a\"}".getBytes(StandardCharsets.UTF_8),
                T0.toString(), null)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * For what the serializer writes, reading the decimals as text gives the bytes reading them as doubles gave on the
     * JDK that wrote them: the hashes recorded before the change still verify.
     */
    @Test
    void forWhatTheSerializerWritesTheBytesAreThoseTheDoublesGave() throws Exception {
        Random random = new Random(20261203);
        for (int i = 0; i < 5_000; i++) {
            double score = i % 2 == 0 ? random.nextDouble() : Double.longBitsToDouble(random.nextLong() >>> 2);
            MatchSnapshot match = new MatchSnapshot("complementarity-2", score,
                    Map.of("category", random.nextDouble(), "territory", random.nextDouble() * 1e-5), "phrase");
            String stored = SERIALIZER.writeValueAsString(Map.of("match", match, "day", "2026-03-09"));

            CanonicalEvent exact = CanonicalEvent.ofStored("IntroductionProposedEvent", "1",
                    stored.getBytes(StandardCharsets.UTF_8), "{\"lab-principal-subject\":\"u-1\"}".getBytes(
                            StandardCharsets.UTF_8), T0.toString(), "p");
            CanonicalEvent asDoubles = new CanonicalEvent("IntroductionProposedEvent", "1",
                    SERIALIZER.readTree(stored), SERIALIZER.readTree("{\"lab-principal-subject\":\"u-1\"}"), T0, "p");
            assertThat(exact.hash()).as(stored).isEqualTo(asDoubles.hash());
        }
    }
}
