package fr.labos.partenariats.platform.problem;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemMessagesTest {

    private final ProblemMessages messages = new ProblemMessages(List.of("problem-messages-test"));

    @Test
    void datesAndNumbersAreWrittenAsTheReadersLanguageWritesThem() {
        Date date = Date.from(Instant.parse("2026-09-19T10:30:00Z"));
        assertThat(messages.get("test.expired", Locale.FRENCH, date)).isEqualTo("expiré le 19 septembre 2026");
        assertThat(messages.get("test.expired", Locale.ENGLISH, date)).isEqualTo("expired on September 19, 2026");
        assertThat(messages.get("test.count", Locale.FRENCH, 1234)).isEqualTo("1\u202f234 annonces");
        assertThat(messages.get("test.count", Locale.ENGLISH, 1234)).isEqualTo("1,234 posts");
    }

    @Test
    void theFirstOfAMonthIsAnOrdinalInFrench() {
        Date first = Date.from(Instant.parse("2026-12-01T10:00:00Z"));
        assertThat(messages.get("test.expired", Locale.FRENCH, first)).isEqualTo("expiré le 1er décembre 2026");
        assertThat(messages.get("test.expired", Locale.ENGLISH, first)).isEqualTo("expired on December 1, 2026");
        Date eleventh = Date.from(Instant.parse("2026-12-11T10:00:00Z"));
        assertThat(messages.get("test.expired", Locale.FRENCH, eleventh)).isEqualTo("expiré le 11 décembre 2026");
    }

    @Test
    void aDateIsTheLabsDayNotTheServers() {
        // A server on UTC, as most images are: 23:30 UTC on 19 September is already the 20th in France (UTC+2 in summer).
        TimeZone servers = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        try {
            Date lateEvening = Date.from(Instant.parse("2026-09-19T23:30:00Z"));
            assertThat(new ProblemMessages(List.of("problem-messages-test")).get("test.expired", Locale.FRENCH, lateEvening))
                    .isEqualTo("expiré le 20 septembre 2026");
        } finally {
            TimeZone.setDefault(servers);
        }
    }

    @Test
    void theServicesOwnTextIsKeptWholeButStillBounded() {
        String sentence = "une mise en relation est proposée par l'algorithme, à la demande d'un acteur ou d'un facilitateur";
        assertThat(messages.get("test.quoted", Locale.FRENCH, ProblemMessages.written(sentence)))
                .isEqualTo("aucun acteur « " + sentence + " »");
        assertThat(messages.get("test.quoted", Locale.FRENCH, ProblemMessages.written("x".repeat(5000))))
                .hasSize("aucun acteur «  »".length() + ProblemMessages.WRITTEN_LIMIT + 1);
    }

    @Test
    void anythingElseIsQuotedWithoutItsControlCharactersAndCut() {
        assertThat(messages.get("test.quoted", Locale.FRENCH, "Wimoov\u0000 Isère")).isEqualTo("aucun acteur « Wimoov Isère »");
        assertThat(messages.get("test.quoted", Locale.ENGLISH, "x".repeat(500)))
                .isEqualTo("no actor \"" + "x".repeat(ProblemMessages.QUOTE_LIMIT) + "…\"");
    }
}
