package fr.labos.partenariats.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.labos.partenariats.schema.Topics;
import fr.labos.partenariats.schema.common.LabCalendar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static fr.labos.partenariats.deploy.Answers.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One introduction from end to end, through the real Kafka broker, both services, the real authorization server and
 * the real PostgreSQL event stores: two new actors registered at profile-service by two members (each becomes its
 * actor's member), a need of one and an offer of the other; the first actor's member asks matchmaking-service for the
 * introduction the matcher proposes; both members accept, each with its own token, and only then does each read the
 * other's contact person; a meeting is held and a partnership formed; the timeline, both inboxes and the dashboards
 * show it; the history verifies, and after one SQL UPDATE of a stored event it no longer does, naming that step.
 *
 * <p>The lab is shared with the other deploy tests, so the two actors live in Hautes-Alpes (05), a département no other
 * test or demo actor uses, and the dashboards are read for that département, before and after. Every read that
 * follows Kafka (matchmaking-service's projection and index, its introduction views and dashboard facts,
 * profile-service's introduced pairs) is awaited on the very answer the next step needs.
 */
@ExtendWith(SignedInLab.Resolver.class)
class IntroductionEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final Duration POLL = Duration.ofMillis(300);
    /** profile-service's consumer of lab.matchmaking.events, which opens the contacts. */
    private static final String PROFILE_INTRODUCTIONS_GROUP = "profile-introduced-contacts";
    private static final ZoneId PARIS = LabCalendar.ZONE;
    /** Hautes-Alpes: the dashboards are read for it alone. */
    private static final String DEPARTEMENT = "05";
    /** The two accounts that register the actors, and a third member who must never see their contacts. */
    private static final String ASKER_MEMBER = "member-tremplin";
    private static final String PARTNER_MEMBER = "member-fonds";
    private static final String THIRD_MEMBER = "member-mobilite";
    private static final String MEETING_NOTE = "Rencontre au tiers-lieu de Gap : convention de mécénat à rédiger";

    @Test
    void anIntroductionGoesFromTheMatcherToAPartnershipAndItsHistoryShowsTampering(SignedInLab lab) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        JsonNode funnelBefore = dashboard(lab, "/api/dashboard/funnel?departement=" + DEPARTEMENT);
        long territoryBefore = departementRow(dashboard(lab, "/api/dashboard/territories?departement=" + DEPARTEMENT))
                .path("counts").path("partnership").asLong(0);

        // 1. profile-service: two actors of Gap, each registered by its member, a need and an offer that answer each other.
        String askerContact = """
                {"name": "Camille Rostan", "email": "camille.rostan-%s@tremplin-gap.example.org", "phone": "04 92 00 00 01"}"""
                .formatted(run);
        String partnerContact = """
                {"name": "Julien Arnaud", "email": "julien.arnaud-%s@fonds-alpin.example.org", "phone": "04 92 00 00 02"}"""
                .formatted(run);
        String asker = lab.create("/api/actors", ASKER_MEMBER, """
                {"name": "Chantier d'insertion du Gapençais %s", "type": "ASSOCIATION", "homeTerritory": "05061",
                 "themes": ["EMPLOYMENT_INSERTION"], "sdgs": [8, 10],
                 "description": "Chantier d'insertion par l'entretien des sentiers et des espaces naturels",
                 "contact": %s}""".formatted(run, askerContact));
        String partner = lab.create("/api/actors", PARTNER_MEMBER, """
                {"name": "Fondation alpine pour l'emploi %s", "type": "FOUNDATION", "homeTerritory": "05061",
                 "themes": ["EMPLOYMENT_INSERTION"], "sdgs": [8, 10],
                 "description": "Fondation qui finance l'insertion professionnelle dans les Hautes-Alpes",
                 "contact": %s}""".formatted(run, partnerContact));
        String need = lab.create("/api/actors/" + asker + "/needs", ASKER_MEMBER, """
                {"category": "FUNDING", "form": "RESOURCES", "title": "Financer l'accompagnement des salariés en insertion",
                 "description": "Un financeur pour l'accompagnement socioprofessionnel de douze salariés en insertion à Gap",
                 "themes": ["EMPLOYMENT_INSERTION"], "sdgs": [8, 10], "territory": {"code": "05", "level": "DEPARTEMENT"}}""");
        String offer = lab.create("/api/actors/" + partner + "/offers", PARTNER_MEMBER, """
                {"category": "FUNDING", "form": "RESOURCES", "title": "Subventions pour l'insertion professionnelle",
                 "description": "Des subventions pour les structures qui accompagnent vers l'emploi dans les Hautes-Alpes",
                 "themes": ["EMPLOYMENT_INSERTION"], "sdgs": [8, 10], "territory": {"code": "05", "level": "DEPARTEMENT"}}""");

        // 2. matchmaking-service: the asker's member asks for the introduction the matcher proposes. It needs the pair
        // in the index (rankings) and both actors with their members in the projection (who may act for whom): two
        // consumers of the topic, each awaited on the answer the request reads.
        await("the matcher proposes the partner's offer for the need").atMost(PATIENCE).pollInterval(POLL).until(() ->
                lab.send("GET", lab.matchmaking.resolve("/api/needs/" + need + "/matches?limit=100"), ASKER_MEMBER, null)
                        .body().contains(offer)
                        && lab.send("GET", lab.matchmaking.resolve("/api/actors/" + asker + "/partners?limit=100"),
                        ASKER_MEMBER, null).body().contains(partner));
        await("both members known to act for their actors").atMost(PATIENCE).pollInterval(POLL).until(() ->
                actsFor(lab, ASKER_MEMBER, asker) && actsFor(lab, PARTNER_MEMBER, partner));
        assertContactRefused(lab, ASKER_MEMBER, partner, "before any answer");
        assertContactRefused(lab, PARTNER_MEMBER, asker, "before any answer");

        String introduction = created(lab.send("POST", lab.matchmaking.resolve("/api/introductions"), ASKER_MEMBER, """
                {"actorId": "%s", "partnerId": "%s", "note": "Votre fondation finance exactement ce que nous cherchons."}"""
                .formatted(asker, partner)));
        String path = "/api/introductions/" + introduction;
        await("profile-service learns of the proposal").atMost(PATIENCE).pollInterval(POLL)
                .until(() -> introducedPair(lab, introduction) != null);

        // The partner's inbox shows it, waiting for its answer, with the matcher's grounds frozen in the timeline.
        JsonNode waiting = awaitInboxEntry(lab, partner, PARTNER_MEMBER, introduction, "proposed");
        assertThat(waiting.path("waitingForYourAnswer").asBoolean()).isTrue();
        assertThat(waiting.path("side").asText()).isEqualTo("sollicité");
        assertThat(waiting.path("partner").path("id").asText()).isEqualTo(asker);
        JsonNode proposed = read(lab, path, ASKER_MEMBER);
        assertThat(proposed.path("source").asText()).isEqualTo("ACTOR_REQUEST");
        assertThat(proposed.path("pairs")).hasSize(1);
        assertThat(proposed.path("pairs").get(0).path("needId").asText()).isEqualTo(need);
        assertThat(proposed.path("pairs").get(0).path("offerId").asText()).isEqualTo(offer);
        assertThat(proposed.path("match").path("score").asDouble()).isBetween(0.0, 1.0);
        assertThat(proposed.path("match").path("sentence").asText()).contains("Subventions pour l'insertion professionnelle");

        // 3. Both accept, each member with its own token for its own actor; a member cannot answer for the other side.
        assertThat(lab.send("POST", lab.matchmaking.resolve(path + "/accept"), ASKER_MEMBER,
                "{\"actingFor\": \"%s\"}".formatted(partner)).statusCode()).isEqualTo(403);
        expect(lab.send("POST", lab.matchmaking.resolve(path + "/accept"), PARTNER_MEMBER,
                "{\"actingFor\": \"%s\"}".formatted(partner)), 204);
        // One side's acceptance opens nothing. Asserted at once, this would pass before profile-service even read the
        // acceptance: so the test waits until the acceptance is on lab.matchmaking.events (matchmaking-service's
        // timeline, fed by that topic, shows it), then until profile-service's consumer group has read the topic to
        // where it ended then, acceptance included, and only then asks for the contacts.
        await("the timeline shows the partner's acceptance alone").atMost(PATIENCE).pollInterval(POLL).until(() ->
                texts(read(lab, path, PARTNER_MEMBER).path("acceptedBy")).equals(List.of(partner)));
        try (ConsumerGroupProgress progress = new ConsumerGroupProgress(lab.kafkaBootstrapServers)) {
            progress.awaitReadToTheEnd(PROFILE_INTRODUCTIONS_GROUP, Topics.MATCHMAKING_EVENTS, PATIENCE);
        }
        assertContactRefused(lab, ASKER_MEMBER, partner, "after one acceptance");
        assertContactRefused(lab, PARTNER_MEMBER, asker, "after one acceptance");
        assertThat(introducedPair(lab, introduction)).as("profile-service's row after one acceptance")
                .isEqualTo(new IntroducedPair(asker, partner, false));
        expect(lab.send("POST", lab.matchmaking.resolve(path + "/accept"), ASKER_MEMBER,
                "{\"actingFor\": \"%s\"}".formatted(asker)), 204);

        // profile-service opens each contact to the other side's member once the second acceptance reaches it.
        await("the partner's contact opened to the asker's member").atMost(PATIENCE).pollInterval(POLL).until(() ->
                lab.send("GET", lab.profile.resolve("/api/actors/" + partner + "/contact"), ASKER_MEMBER, null)
                        .statusCode() == 200);
        await("the asker's contact opened to the partner's member").atMost(PATIENCE).pollInterval(POLL).until(() ->
                lab.send("GET", lab.profile.resolve("/api/actors/" + asker + "/contact"), PARTNER_MEMBER, null)
                        .statusCode() == 200);
        assertThat(read(lab.send("GET", lab.profile.resolve("/api/actors/" + partner + "/contact"), ASKER_MEMBER, null)))
                .isEqualTo(JSON.readTree(partnerContact));
        assertThat(read(lab.send("GET", lab.profile.resolve("/api/actors/" + asker + "/contact"), PARTNER_MEMBER, null)))
                .isEqualTo(JSON.readTree(askerContact));
        // Reading only: the partner's member may not change the other actor, and nobody else sees the contacts.
        assertThat(lab.send("DELETE", lab.profile.resolve("/api/actors/" + partner + "/contact"), ASKER_MEMBER, null)
                .statusCode()).isEqualTo(403);
        assertContactRefused(lab, THIRD_MEMBER, partner, "a third actor's member");
        assertContactRefused(lab, THIRD_MEMBER, asker, "a third actor's member");
        assertContactRefused(lab, "viewer", partner, "a viewer");

        // 4. A meeting the asker's member records, held as the partner's member says, and the partnership formed.
        String meeting = created(lab.send("POST", lab.matchmaking.resolve(path + "/meetings"), ASKER_MEMBER, """
                {"startsAt": "%s", "place": "Tiers-lieu de Gap", "actingFor": "%s"}"""
                .formatted(Instant.now().minus(Duration.ofHours(1)), asker)));
        expect(lab.send("POST", lab.matchmaking.resolve(path + "/meetings/" + meeting + "/held"), PARTNER_MEMBER,
                "{\"actingFor\": \"%s\", \"note\": \"%s\"}".formatted(partner, MEETING_NOTE)), 204);
        String today = LocalDate.now(PARIS).toString();
        expect(lab.send("POST", lab.matchmaking.resolve(path + "/outcomes"), ASKER_MEMBER, """
                {"actingFor": "%s", "outcome": "PARTNERSHIP_FORMED", "day": "%s", "note": "Convention de mécénat signée",
                 "form": "RESOURCES", "category": "FUNDING"}""".formatted(asker, today)), 204);

        // 5. The views, fed by lab.matchmaking.events: the timeline, both inboxes, the dashboards.
        AtomicReference<JsonNode> timeline = new AtomicReference<>();
        await("the timeline shows the partnership").atMost(PATIENCE).pollInterval(POLL).until(() -> {
            timeline.set(read(lab, path, PARTNER_MEMBER));
            return timeline.get().path("status").asText().equals("partnership");
        });
        JsonNode formed = timeline.get();
        assertThat(formed.path("statusLabel").asText()).isEqualTo("partenariat conclu");
        assertThat(texts(formed.path("acceptedBy"))).containsExactlyInAnyOrder(asker, partner);
        assertThat(formed.path("actor").path("id").asText()).isEqualTo(asker);
        assertThat(formed.path("partner").path("id").asText()).isEqualTo(partner);
        assertThat(formed.path("milestones").path("partnershipOn").asText()).isEqualTo(today);
        assertThat(formed.path("meetings")).hasSize(1);
        assertThat(formed.path("meetings").get(0).path("meetingId").asText()).isEqualTo(meeting);
        assertThat(formed.path("meetings").get(0).path("status").asText()).isEqualTo("held");
        assertThat(texts(formed.path("steps"), "type")).containsExactly("IntroductionProposedEvent",
                "IntroductionAcceptedEvent", "IntroductionAcceptedEvent", "MeetingScheduledEvent", "MeetingHeldEvent",
                "OutcomeRecordedEvent");
        assertThat(formed.path("steps").get(5).path("outcome").asText()).isEqualTo("PARTNERSHIP_FORMED");

        JsonNode askerEntry = awaitInboxEntry(lab, asker, ASKER_MEMBER, introduction, "partnership");
        assertThat(askerEntry.path("waitingForYourAnswer").asBoolean()).isFalse();
        assertThat(askerEntry.path("side").asText()).isEqualTo("demandeur");
        assertThat(askerEntry.path("partner").path("id").asText()).isEqualTo(partner);
        JsonNode partnerEntry = awaitInboxEntry(lab, partner, PARTNER_MEMBER, introduction, "partnership");
        assertThat(partnerEntry.path("waitingForYourAnswer").asBoolean()).isFalse();
        assertThat(partnerEntry.path("lastStep").asText()).isEqualTo(askerEntry.path("lastStep").asText()).isNotBlank();
        assertThat(lab.send("GET", lab.matchmaking.resolve("/api/actors/" + partner + "/introductions"), THIRD_MEMBER,
                null).statusCode()).as("another actor's member reads no inbox of the partner").isEqualTo(403);

        // The dashboards count it, as the viewer (aggregates, no names) sees them: one more at every step of the
        // funnel up to the partnership, none closed otherwise. Their facts and the actors' départements are read on
        // their own schedule, so the test waits for the whole expected picture.
        await("the dashboards count the partnership in Hautes-Alpes").atMost(PATIENCE).pollInterval(POLL).untilAsserted(() -> {
            JsonNode after = dashboard(lab, "/api/dashboard/funnel?departement=" + DEPARTEMENT);
            JsonNode before = funnelBefore.path("counts");
            JsonNode counts = after.path("counts");
            assertThat(after.path("total").asLong()).isEqualTo(funnelBefore.path("total").asLong() + 1);
            for (String reached : List.of("proposed", "accepted", "met", "followUp", "partnership")) {
                assertThat(counts.path(reached).asLong()).as(reached).isEqualTo(before.path(reached).asLong() + 1);
            }
            for (String closed : List.of("declined", "expired", "withdrawn", "noFit")) {
                assertThat(counts.path(closed).asLong()).as(closed).isEqualTo(before.path(closed).asLong());
            }
            JsonNode row = departementRow(dashboard(lab, "/api/dashboard/territories?departement=" + DEPARTEMENT));
            assertThat(row.path("label").asText()).isEqualTo("Hautes-Alpes");
            assertThat(row.path("counts").path("partnership").asLong()).isEqualTo(territoryBefore + 1);
        });

        // 6. The history: every step, who acted (pseudonymous subjects, roles, actors acted for), chained hashes.
        JsonNode steps = read(lab, path + "/history", ASKER_MEMBER).path("steps");
        assertThat(texts(steps, "what")).isEqualTo(texts(formed.path("steps"), "type"));
        assertWho(steps.get(0), lab.subjectOf(ASKER_MEMBER), asker);
        assertWho(steps.get(1), lab.subjectOf(PARTNER_MEMBER), partner);
        assertWho(steps.get(2), lab.subjectOf(ASKER_MEMBER), asker);
        assertWho(steps.get(4), lab.subjectOf(PARTNER_MEMBER), partner);
        assertThat(steps.get(4).path("grounds").path("note").asText()).isEqualTo(MEETING_NOTE);
        assertThat(steps.get(0).path("previousHash").isNull()).isTrue();
        for (int i = 1; i < steps.size(); i++) {
            assertThat(steps.get(i).path("previousHash").asText()).as("step " + i)
                    .isEqualTo(steps.get(i - 1).path("hash").asText());
        }
        JsonNode holds = read(lab, path + "/verification", PARTNER_MEMBER);
        assertThat(holds.path("holds").asBoolean()).as(holds.toString()).isTrue();
        assertThat(holds.path("steps").asInt()).isEqualTo(6);
        assertThat(holds.path("lastHash").asText()).isEqualTo(steps.get(5).path("hash").asText());
        assertThat(lab.send("GET", lab.matchmaking.resolve(path + "/verification"), THIRD_MEMBER, null).statusCode())
                .as("another actor's member does not verify this history: to it, there is none").isEqualTo(404);

        // 7. One SQL UPDATE of the stored meeting (step 4) in matchmaking-service's event store: the history shows
        // what is stored now, and the verification names that step as altered.
        assertThat(alterStoredEvent(lab, introduction, 4, "tiers-lieu de Gap", "tiers-lieu de Briançon")).isEqualTo(1);
        JsonNode altered = read(lab, path + "/history", ASKER_MEMBER).path("steps").get(4);
        assertThat(altered.path("grounds").path("note").asText()).contains("tiers-lieu de Briançon");
        JsonNode broken = read(lab, path + "/verification", ASKER_MEMBER);
        assertThat(broken.path("holds").asBoolean()).as(broken.toString()).isFalse();
        assertThat(broken.path("brokenStep").asLong()).isEqualTo(4);
        assertThat(broken.path("brokenType").asText()).isEqualTo("MeetingHeldEvent");
        assertThat(broken.path("reason").asText()).isEqualTo("ALTERED_STEP");
        assertThat(broken.path("explanation").asText())
                .isEqualTo("l'étape 4 (MeetingHeldEvent) a été modifiée après son enregistrement");
        assertThat(broken.path("lastHash").isNull()).as("no last hash to trust once the chain breaks").isTrue();
    }

    /** The member may act for the actor at matchmaking-service: asking it for nobody is a 404, not a 403; writes nothing. */
    private static boolean actsFor(SignedInLab lab, String member, String actor) {
        return lab.send("POST", lab.matchmaking.resolve("/api/introductions"), member,
                "{\"actorId\": \"%s\", \"partnerId\": \"nobody-%s\"}".formatted(actor, UUID.randomUUID())).statusCode() == 404;
    }

    /** profile-service's row of an introduction (table introduced_pair): its two actors, and whether both accepted. */
    record IntroducedPair(String actorId, String partnerActorId, boolean accepted) {
    }

    /** The introduction's row in profile-service's own database (beside matchmaking-service's), or null before it. */
    private static IntroducedPair introducedPair(SignedInLab lab, String introduction) throws Exception {
        try (Connection connection = DriverManager.getConnection(lab.profileDatabaseUrl, EmbeddedPostgresServer.USER,
                EmbeddedPostgresServer.PASSWORD);
             PreparedStatement query = connection.prepareStatement("""
                     SELECT actor_id, partner_actor_id, accepted_at IS NOT NULL FROM introduced_pair
                     WHERE introduction_id = ?""")) {
            query.setString(1, introduction);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? new IntroducedPair(row.getString(1), row.getString(2), row.getBoolean(3)) : null;
            }
        }
    }

    private static void assertContactRefused(SignedInLab lab, String account, String actor, String when) throws Exception {
        HttpResponse<String> contact = lab.send("GET", lab.profile.resolve("/api/actors/" + actor + "/contact"), account, null);
        assertThat(contact.statusCode()).as(account + " reads the contact " + when + ": " + contact.body()).isEqualTo(403);
        JsonNode profile = read(lab.send("GET", lab.profile.resolve("/api/actors/" + actor), account, null));
        assertThat(profile.path("contact").isMissingNode() || profile.path("contact").isNull())
                .as(account + " sees no contact in the profile " + when + ": " + profile).isTrue();
    }

    /** The actor's inbox entry for the introduction, once the views show it at that status. */
    private static JsonNode awaitInboxEntry(SignedInLab lab, String actor, String member, String introduction,
                                            String status) {
        AtomicReference<JsonNode> entry = new AtomicReference<>();
        await(actor + "'s inbox shows " + introduction + " " + status).atMost(PATIENCE).pollInterval(POLL).until(() -> {
            JsonNode inbox = read(lab, "/api/actors/" + actor + "/introductions", member);
            for (JsonNode candidate : inbox.path("introductions")) {
                if (candidate.path("id").asText().equals(introduction) && candidate.path("status").asText().equals(status)) {
                    assertThat(inbox.path("byStatus").path(status).asLong()).isEqualTo(1);
                    entry.set(candidate);
                }
            }
            return entry.get() != null;
        });
        return entry.get();
    }

    private static void assertWho(JsonNode step, String subject, String actingFor) {
        assertThat(step.path("who").path("subject").asText()).as(step.path("what").asText()).isEqualTo(subject);
        assertThat(step.path("who").path("role").asText()).isEqualTo("ACTOR_MEMBER");
        assertThat(step.path("who").path("actingFor").asText()).isEqualTo(actingFor);
    }

    /** Replaces text in the stored payload of one event of the introduction, as someone with database access could. */
    private static int alterStoredEvent(SignedInLab lab, String introduction, int sequence, String from, String to)
            throws Exception {
        try (Connection connection = DriverManager.getConnection(lab.matchmakingDatabaseUrl,
                EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
             PreparedStatement update = connection.prepareStatement("""
                     UPDATE domainevententry
                     SET payload = convert_to(replace(convert_from(payload, 'UTF8'), ?, ?), 'UTF8')
                     WHERE aggregateidentifier = ? AND sequencenumber = ?""")) {
            update.setString(1, from);
            update.setString(2, to);
            update.setString(3, introduction);
            update.setLong(4, sequence);
            return update.executeUpdate();
        }
    }

    private static JsonNode dashboard(SignedInLab lab, String path) throws Exception {
        return read(lab, path, "viewer");
    }

    /** The département's row of a territories breakdown, or a missing node when it has none yet. */
    private static JsonNode departementRow(JsonNode breakdown) {
        for (JsonNode row : breakdown.path("rows")) {
            if (row.path("key").asText().equals(DEPARTEMENT)) {
                return row;
            }
        }
        return JSON.missingNode();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.path(field).asText()));
        return texts;
    }

    private static JsonNode read(SignedInLab lab, String path, String account) throws Exception {
        return read(expect(lab.send("GET", lab.matchmaking.resolve(path), account, null), 200));
    }

    private static String created(HttpResponse<String> response) throws Exception {
        return read(expect(response, 201)).path("id").asText();
    }

    private static JsonNode read(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body().getBytes(StandardCharsets.UTF_8));
    }
}
