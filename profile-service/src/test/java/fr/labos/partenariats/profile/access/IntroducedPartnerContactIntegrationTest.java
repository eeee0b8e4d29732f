package fr.labos.partenariats.profile.access;

import fr.labos.partenariats.platform.security.TestTokens;
import fr.labos.partenariats.platform.testing.RelayedRecords;
import fr.labos.partenariats.profile.support.ProfileServiceIntegrationTest;
import fr.labos.partenariats.schema.EventHeaders;
import fr.labos.partenariats.schema.Topics;
import fr.labos.partenariats.schema.matching.DeclineReason;
import fr.labos.partenariats.schema.matching.IntroductionAcceptedEvent;
import fr.labos.partenariats.schema.matching.IntroductionDeclinedEvent;
import fr.labos.partenariats.schema.matching.IntroductionProposedEvent;
import fr.labos.partenariats.schema.matching.IntroductionSource;
import fr.labos.partenariats.schema.matching.Proposer;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.labos.partenariats.profile.access.ProfileHttp.CONTACT_EMAIL;
import static fr.labos.partenariats.profile.access.ProfileHttp.json;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The contact person opened by an introduction: profile-service learns from {@code lab.matchmaking.events} (a real
 * broker, records as the relay writes them) which introductions both sides accepted, and opens each side's contact
 * to the other side's members, with real tokens, and to no one else.
 */
@ProfileServiceIntegrationTest
class IntroducedPartnerContactIntegrationTest {

    /** Now, not a fixed date: the test topic keeps the broker's default retention, which drops old records. */
    private static final Instant PROPOSED_AT = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    MeterRegistry meters;

    ProfileHttp http;
    RelayedRecords relay;
    TestTokens.Token memberOfA;
    TestTokens.Token memberOfB;
    String actorA;
    String actorB;
    String introduction;

    @BeforeEach
    void twoActorsOfIsereAndAnIntroductionBetweenThemAcceptedByOneSide() {
        http = new ProfileHttp(port);
        relay = new RelayedRecords(broker.getBrokersAsString(), Topics.MATCHMAKING_EVENTS);
        memberOfA = TestTokens.member();
        memberOfB = TestTokens.member();
        actorA = http.registerActor(memberOfA.sign());
        actorB = http.registerActor(memberOfB.sign());
        introduction = UUID.randomUUID().toString();
        publish(introduction, 0, proposal(introduction, actorA, actorB));
        RecordMetadata firstAcceptance = publish(introduction, 1,
                new IntroductionAcceptedEvent(introduction, actorA, false, PROPOSED_AT.plusSeconds(60)));
        // The proposal's row alone would not do: the first acceptance could still be on its way, and a test that
        // finds the contact closed after it would pass even if one acceptance opened it. Offsets are committed after
        // each record is applied, so one past the first acceptance means both records were applied.
        await().atMost(ofSeconds(30)).until(() -> committedPast(firstAcceptance));
        assertThat(rows(introduction)).isEqualTo(1);
    }

    @AfterEach
    void close() {
        relay.close();
    }

    @Test
    void beforeBothSidesAcceptedThePartnersMemberGets403AndNoContact() {
        assertThat(http.get(memberOfB.sign(), "/api/actors/" + actorA + "/contact").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.get(TestTokens.member(actorB).sign(), "/api/actors/" + actorA + "/contact").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.get(memberOfB.sign(), "/api/actors/" + actorA).getBody()).doesNotContain(CONTACT_EMAIL);
        assertThat(http.get(memberOfA.sign(), "/api/actors/" + actorB + "/contact").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void onceBothAcceptedEachSidesMembersReadTheOthersContactAndNoOneElseDoes() {
        publish(introduction, 2, new IntroductionAcceptedEvent(introduction, actorB, true, PROPOSED_AT.plusSeconds(120)));

        // B's member by membership granted here, and a member of B by its token's lab_actors.
        for (String partnerMember : List.of(memberOfB.sign(), TestTokens.member(actorB).sign())) {
            await().atMost(ofSeconds(30)).until(() ->
                    http.get(partnerMember, "/api/actors/" + actorA + "/contact").getStatusCode() == HttpStatus.OK);
            assertThat(json(http.get(partnerMember, "/api/actors/" + actorA + "/contact").getBody()).get("email").asText())
                    .isEqualTo(CONTACT_EMAIL);
            assertThat(json(http.get(partnerMember, "/api/actors/" + actorA).getBody()).at("/contact/email").asText())
                    .isEqualTo(CONTACT_EMAIL);
        }
        // And the other way round.
        assertThat(http.get(memberOfA.sign(), "/api/actors/" + actorB + "/contact").getStatusCode()).isEqualTo(HttpStatus.OK);

        // Reading is all it opens: the partner's member still cannot act for A.
        assertThat(http.call(HttpMethod.DELETE, memberOfB.sign(), "/api/actors/" + actorA + "/contact", null)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.get(memberOfB.sign(), "/api/actors/" + actorA + "/export").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        // A third actor's member, a viewer (even one whose token names B) and a facilitator elsewhere: never.
        String memberOfC = TestTokens.member().sign();
        http.registerActor(memberOfC);
        for (String stranger : List.of(memberOfC, TestTokens.viewer().sign(), TestTokens.viewer().actors(actorB).sign(),
                TestTokens.facilitator("DEPARTEMENT:69").sign())) {
            assertThat(http.get(stranger, "/api/actors/" + actorA + "/contact").getStatusCode())
                    .isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(http.get(stranger, "/api/actors/" + actorA).getBody()).doesNotContain(CONTACT_EMAIL);
        }
    }

    @Test
    void aDeclinedIntroductionOpensNothing() {
        String memberOfC = TestTokens.member().sign();
        String actorC = http.registerActor(memberOfC);
        String declined = UUID.randomUUID().toString();
        publish(declined, 0, proposal(declined, actorA, actorC));
        publish(declined, 1, new IntroductionAcceptedEvent(declined, actorA, false, PROPOSED_AT.plusSeconds(60)));
        publish(declined, 2, new IntroductionDeclinedEvent(declined, actorC, DeclineReason.COMPETITOR, null,
                PROPOSED_AT.plusSeconds(90)));
        RecordMetadata last = publish(introduction, 2,
                new IntroductionAcceptedEvent(introduction, actorB, true, PROPOSED_AT.plusSeconds(120)));

        await().atMost(ofSeconds(30)).until(() -> committedPast(last));
        assertThat(http.get(memberOfB.sign(), "/api/actors/" + actorA + "/contact").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.get(memberOfC, "/api/actors/" + actorA + "/contact").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.get(memberOfA.sign(), "/api/actors/" + actorC + "/contact").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aLaterErasureOfTheContactStillWins() {
        publish(introduction, 2, new IntroductionAcceptedEvent(introduction, actorB, true, PROPOSED_AT.plusSeconds(120)));
        await().atMost(ofSeconds(30)).until(() ->
                http.get(memberOfB.sign(), "/api/actors/" + actorA + "/contact").getStatusCode() == HttpStatus.OK);

        assertThat(http.call(HttpMethod.DELETE, memberOfA.sign(), "/api/actors/" + actorA + "/contact", null)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(http.get(memberOfB.sign(), "/api/actors/" + actorA + "/contact").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(json(http.get(memberOfB.sign(), "/api/actors/" + actorA).getBody()).has("contact")).isFalse();
        assertThat(http.get(memberOfB.sign(), "/api/actors/" + actorA).getBody()).doesNotContain(CONTACT_EMAIL);
    }

    @Test
    void aMemberRemovedFromItsActorReadsThePartnersContactNoMore() {
        publish(introduction, 2, new IntroductionAcceptedEvent(introduction, actorB, true, PROPOSED_AT.plusSeconds(120)));
        await().atMost(ofSeconds(30)).until(() ->
                http.get(memberOfB.sign(), "/api/actors/" + actorA + "/contact").getStatusCode() == HttpStatus.OK);

        assertThat(http.call(HttpMethod.DELETE, TestTokens.admin().sign(),
                "/api/actors/" + actorB + "/members/" + memberOfB.subject(), null).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(http.get(memberOfB.sign(), "/api/actors/" + actorA + "/contact").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.get(memberOfB.sign(), "/api/actors/" + actorA).getBody()).doesNotContain(CONTACT_EMAIL);
        // B's other members keep what the introduction opened.
        assertThat(http.get(TestTokens.member(actorB).sign(), "/api/actors/" + actorA + "/contact").getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void redeliveredEventsChangeNothingAndOffsetsAreCommittedOnceApplied() {
        Instant bothAt = PROPOSED_AT.plusSeconds(120);
        publish(introduction, 2, new IntroductionAcceptedEvent(introduction, actorB, true, bothAt));
        // The relay may send a step twice (a retried batch): the same records again, in order.
        publish(introduction, 0, proposal(introduction, actorA, actorB));
        RecordMetadata last = publish(introduction, 2,
                new IntroductionAcceptedEvent(introduction, actorB, true, bothAt.plusSeconds(5)));

        await().atMost(ofSeconds(30)).until(() -> committedPast(last));
        assertThat(rows(introduction)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT accepted_at FROM introduced_pair WHERE introduction_id = ?",
                java.sql.Timestamp.class, introduction).toInstant()).isEqualTo(bothAt);
        assertThat(jdbc.queryForObject("SELECT actor_id || '>' || partner_actor_id FROM introduced_pair"
                + " WHERE introduction_id = ?", String.class, introduction)).isEqualTo(actorA + ">" + actorB);
        assertThat(http.get(memberOfB.sign(), "/api/actors/" + actorA + "/contact").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    /**
     * A revision a newer matchmaking-service wrote before this release learnt it: the record is passed over (the
     * partition goes on), opens nothing, and is counted, for an alert to tell the operator to read the topic again
     * once profile-service is upgraded.
     */
    @Test
    void aRevisionNotKnownHereIsPassedOverCountedAndOpensNothing() {
        double before = meters.get("lab.introductions.contacts.unreadable").counter().count();
        ProducerRecord<String, String> newer = RelayedRecords.record(Topics.MATCHMAKING_EVENTS, introduction, 2,
                new IntroductionAcceptedEvent(introduction, actorB, true, PROPOSED_AT.plusSeconds(120)),
                PROPOSED_AT.plusSeconds(2), new RelayedRecords.Principal("u-facilitator", "FACILITATOR", null));
        newer.headers().remove(EventHeaders.EVENT_REVISION);
        newer.headers().add(EventHeaders.EVENT_REVISION, "99".getBytes(StandardCharsets.UTF_8));

        RecordMetadata sent = relay.send(newer);

        await().atMost(ofSeconds(30)).until(() -> committedPast(sent));
        assertThat(meters.get("lab.introductions.contacts.unreadable").counter().count()).isEqualTo(before + 1);
        assertThat(http.get(memberOfB.sign(), "/api/actors/" + actorA + "/contact").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    /**
     * Records no retry can mend — an acceptance without its date, a record without a value — are passed over and
     * counted like an unknown revision, not retried for ever: the partition goes on, and the acceptance behind them
     * opens the contact.
     */
    @Test
    void aRecordMissingWhatTheRowNeedsIsPassedOverAndThePartitionGoesOn() {
        double before = meters.get("lab.introductions.contacts.unreadable").counter().count();
        publish(introduction, 2, new IntroductionAcceptedEvent(introduction, actorB, true, null));
        ProducerRecord<String, String> withoutValue = RelayedRecords.record(Topics.MATCHMAKING_EVENTS, introduction, 3,
                new IntroductionAcceptedEvent(introduction, actorB, true, PROPOSED_AT.plusSeconds(120)),
                PROPOSED_AT.plusSeconds(3), new RelayedRecords.Principal("u-facilitator", "FACILITATOR", null));
        relay.send(new ProducerRecord<>(withoutValue.topic(), null, withoutValue.key(), null, withoutValue.headers()));
        Instant bothAt = PROPOSED_AT.plusSeconds(180);
        RecordMetadata acceptance = publish(introduction, 4,
                new IntroductionAcceptedEvent(introduction, actorB, true, bothAt));

        await().atMost(ofSeconds(30)).until(() -> committedPast(acceptance));
        assertThat(meters.get("lab.introductions.contacts.unreadable").counter().count()).isEqualTo(before + 2);
        assertThat(jdbc.queryForObject("SELECT accepted_at FROM introduced_pair WHERE introduction_id = ?",
                java.sql.Timestamp.class, introduction).toInstant()).isEqualTo(bothAt);
        assertThat(http.get(memberOfB.sign(), "/api/actors/" + actorA + "/contact").getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    private IntroductionProposedEvent proposal(String id, String actor, String partner) {
        return new IntroductionProposedEvent(id, IntroductionSource.FACILITATOR, actor, partner, List.of(), null,
                new Proposer("u-facilitator", "FACILITATOR"), "Deux acteurs de la mobilité", PROPOSED_AT,
                PROPOSED_AT.plus(Duration.ofDays(14)), null);
    }

    private RecordMetadata publish(String introductionId, long sequence, Object event) {
        return relay.publish(introductionId, sequence, event, PROPOSED_AT.plusSeconds(sequence),
                new RelayedRecords.Principal("u-facilitator", "FACILITATOR", null));
    }

    private int rows(String introductionId) {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM introduced_pair WHERE introduction_id = ?",
                Integer.class, introductionId);
        return count == null ? 0 : count;
    }

    /** Whether the consumer group committed an offset past this record (so it was applied, then committed). */
    private boolean committedPast(RecordMetadata record) throws Exception {
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString()))) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets("profile-introduced-contacts")
                    .partitionsToOffsetAndMetadata().get().get(partition);
            return committed != null && committed.offset() > record.offset();
        }
    }
}
