package fr.labos.partenariats.matchmaking.introduction.command;

import fr.labos.partenariats.matchmaking.matching.exclusion.ExclusionReason;
import fr.labos.partenariats.matchmaking.matching.exclusion.IntroducedPairs;
import fr.labos.partenariats.platform.testing.DatabaseToMigrate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V17 writes down the pairs set aside for as long as the reason lasts by the introductions recorded before it, from the
 * event store: declined for good, or a partnership in force; then {@link JdbcLastingPairs} reads and keeps them.
 */
class LastingPairsMigrationTest {

    private static final String EVENTS = "fr.labos.partenariats.schema.matching.";

    @RegisterExtension
    final DatabaseToMigrate database = new DatabaseToMigrate("classpath:db/migration/axon",
            "classpath:db/migration/matchmaking");
    private long sequence;

    @Test
    void theIntroductionsRecordedBeforeSetTheirPairsAsideAsTheMatcherReadsThem() {
        database.migrateTo("16");
        // Declined as competitor, by the side whose id sorts last: the pair is kept in the service's order.
        proposed("i-competitor", "zeta", "alpha");
        event("i-competitor", "IntroductionDeclinedEvent", """
                {"introductionId":"i-competitor","actorId":"alpha","reason":"COMPETITOR","declinedAt":"2026-03-10T10:00:00Z"}""");
        proposed("i-not-now", "alpha", "beta");
        event("i-not-now", "IntroductionDeclinedEvent", """
                {"introductionId":"i-not-now","actorId":"beta","reason":"NOT_NOW","declinedAt":"2026-03-10T10:00:00Z"}""");
        proposed("i-partners", "alpha", "gamma");
        outcome("i-partners", "PARTNERSHIP_FORMED", "2026-04-01");
        proposed("i-ended", "alpha", "delta");
        outcome("i-ended", "PARTNERSHIP_FORMED", "2026-04-01");
        outcome("i-ended", "PARTNERSHIP_ENDED", "2026-09-30");
        proposed("i-follow-up", "alpha", "epsilon");
        outcome("i-follow-up", "FOLLOW_UP_PLANNED", "2026-04-01");

        database.migrate();
        JdbcTemplate jdbc = database.jdbc();

        assertThat(jdbc.queryForList("""
                SELECT introduction_id || ' ' || first_actor_id || ' ' || second_actor_id || ' ' || reason
                FROM lasting_pair_exclusion ORDER BY introduction_id""", String.class))
                .containsExactly("i-competitor alpha zeta DECLINED_COMPETITOR", "i-partners alpha gamma PARTNERS");
        JdbcLastingPairs pairs = new JdbcLastingPairs(jdbc);
        assertThat(pairs.between("zeta", "alpha"))
                .contains(new IntroducedPairs.SetAside(ExclusionReason.DECLINED_COMPETITOR, "i-competitor"));
        assertThat(pairs.between("alpha", "beta")).isEmpty();

        // A second introduction of the competitors, later a partnership: the most lasting reason is the one given.
        pairs.setAside("i-later", "alpha", "zeta", ExclusionReason.PARTNERS);
        assertThat(pairs.between("alpha", "zeta")).map(IntroducedPairs.SetAside::reason)
                .contains(ExclusionReason.DECLINED_COMPETITOR);
        pairs.clear("i-competitor");
        assertThat(pairs.between("alpha", "zeta")).contains(new IntroducedPairs.SetAside(ExclusionReason.PARTNERS, "i-later"));
        pairs.clear("i-later");
        assertThat(pairs.between("alpha", "zeta")).isEmpty();
    }

    private void proposed(String introductionId, String actorId, String partnerActorId) {
        event(introductionId, "IntroductionProposedEvent", """
                {"introductionId":"%s","source":"FACILITATOR","actorId":"%s","partnerActorId":"%s","pairs":[],
                 "proposedAt":"2026-03-09T08:30:00Z","answerBy":"2026-03-23T08:30:00Z"}"""
                .formatted(introductionId, actorId, partnerActorId));
        event(introductionId, "IntroductionAcceptedEvent", """
                {"introductionId":"%s","actorId":"%s","bothSidesAccepted":false,"acceptedAt":"2026-03-09T09:00:00Z"}"""
                .formatted(introductionId, actorId));
    }

    private void outcome(String introductionId, String outcome, String occurredOn) {
        event(introductionId, "IntroductionAcceptedEvent", """
                {"introductionId":"%s","actorId":"x","bothSidesAccepted":true,"acceptedAt":"2026-03-09T09:00:00Z"}"""
                .formatted(introductionId));
        event(introductionId, "OutcomeRecordedEvent", """
                {"introductionId":"%s","outcome":"%s","occurredOn":"%s","recordedAt":"2026-10-01T09:00:00Z"}"""
                .formatted(introductionId, outcome, occurredOn));
    }

    private void event(String introductionId, String type, String payload) {
        long next = sequence++;
        database.jdbc().update("""
                        INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, payload,
                                                      payloadrevision, payloadtype, timestamp)
                        VALUES (?, ?, 'Introduction', ?, ?, '1', ?, '2026-03-09T08:30:00Z')""",
                introductionId, next, introductionId + "-" + next, payload.getBytes(StandardCharsets.UTF_8),
                EVENTS + type);
    }
}
