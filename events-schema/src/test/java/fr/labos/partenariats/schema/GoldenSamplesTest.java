package fr.labos.partenariats.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.labos.partenariats.schema.common.Sdg;
import fr.labos.partenariats.schema.common.TerritoryLevel;
import fr.labos.partenariats.schema.matching.IntroductionProposedEvent;
import fr.labos.partenariats.schema.matching.IntroductionSource;
import fr.labos.partenariats.schema.matching.MatchSnapshot;
import fr.labos.partenariats.schema.matching.NeedOfferPair;
import fr.labos.partenariats.schema.profile.ActorMemberJoinedEvent;
import fr.labos.partenariats.schema.profile.MemberRole;
import fr.labos.partenariats.schema.profile.NeedRegisteredEvent;
import fr.labos.partenariats.schema.session.MeetingReason;
import fr.labos.partenariats.schema.session.ScheduleGeneratedEvent;
import fr.labos.partenariats.schema.session.ScheduledMeeting;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The golden samples are the contract between services: a sample of every event revision must still
 * deserialize, and re-serialize to the same JSON. A failure here means a change would break a consumer
 * or make stored events unreadable: add a new revision and an upcaster instead.
 */
class GoldenSamplesTest {

    private final ObjectMapper json = EventJson.mapper();

    @TestFactory
    Stream<DynamicTest> everyProfileEventSampleRoundTripsToTheSameJson() {
        return roundTrips("profile", EventCatalog.profileEvents());
    }

    @TestFactory
    Stream<DynamicTest> everyMatchingEventSampleRoundTripsToTheSameJson() {
        return roundTrips("matching", EventCatalog.matchingEvents());
    }

    @TestFactory
    Stream<DynamicTest> everyIntroductionLogEventSampleRoundTripsToTheSameJson() {
        return roundTrips("matching", EventCatalog.introductionLogEvents());
    }

    @TestFactory
    Stream<DynamicTest> everySessionEventSampleRoundTripsToTheSameJson() {
        return roundTrips("session", EventCatalog.sessionEvents());
    }

    private Stream<DynamicTest> roundTrips(String context, List<Class<?>> types) {
        return types.stream().map(type -> DynamicTest.dynamicTest(type.getSimpleName(), () -> {
            JsonNode sample = readSample(context, type);
            Object event = json.treeToValue(sample, type);
            JsonNode reserialized = json.readTree(json.writeValueAsString(event));
            assertThat(reserialized).isEqualTo(sample);
        }));
    }

    @Test
    void everyEventCarriesARevisionAndIsInTheCatalogUnderItsSimpleName() {
        for (Class<?> type : allEvents()) {
            assertThat(EventCatalog.revisionOf(type)).as(type.getSimpleName()).matches("[1-9][0-9]*");
            assertThat(EventCatalog.typeFor(type.getSimpleName())).contains(type);
            assertThat(EventCatalog.typeForClassName(type.getName())).contains(type);
        }
    }

    /**
     * An event written but left out of the catalogue would have no golden sample checked here, and the live stream would
     * not know whose it is: every event record of the schema's packages is catalogued.
     */
    @Test
    void everyEventOfTheSchemaIsInTheCatalog() throws Exception {
        List<String> catalogued = allEvents().stream().map(Class::getName).toList();
        for (String context : List.of("profile", "matching", "session")) {
            String folder = "fr/labos/partenariats/schema/" + context;
            try (Stream<Path> classes = Files.list(Path.of(getClass().getClassLoader().getResource(folder).toURI()))) {
                List<String> events = classes.map(file -> file.getFileName().toString())
                        .filter(name -> name.endsWith("Event.class"))
                        .map(name -> folder.replace('/', '.') + "." + name.substring(0, name.length() - 6))
                        .toList();
                assertThat(events).as(context).isNotEmpty();
                assertThat(catalogued).as(context).containsAll(events);
            }
        }
    }

    /**
     * Events are kept for ever: the sample of every earlier revision of a type (kept as it was written then) still
     * reads, through the upcasts, as an event of the current revision.
     */
    @TestFactory
    Stream<DynamicTest> everyEarlierRevisionSampleReadsAsTheCurrentRevision() {
        return allEvents().stream().flatMap(type -> {
            int current = Integer.parseInt(EventCatalog.revisionOf(type));
            return IntStream.range(1, current).mapToObj(revision -> DynamicTest.dynamicTest(
                    type.getSimpleName() + " v" + revision, () -> {
                        JsonNode old = readSample(contextOf(type), type, Integer.toString(revision));
                        assertThat(EventUpcasts.canRead(type, Integer.toString(revision))).isTrue();
                        ObjectNode upcast = EventUpcasts.toCurrent(type, Integer.toString(revision), (ObjectNode) old);
                        Object event = json.treeToValue(upcast, type);
                        // Nothing lost on the way: every field of the old revision is still there, with its value.
                        old.fieldNames().forEachRemaining(field ->
                                assertThat(upcast.get(field)).as(field).isEqualTo(old.get(field)));
                        assertThat(json.readTree(json.writeValueAsString(event))).isEqualTo(upcast);
                    }));
        });
    }

    @Test
    void aMemberWhoJoinedBeforeRolesExistedIsAManagerAsEveryMemberWasThen() throws IOException {
        ObjectNode old = (ObjectNode) readSample("profile", ActorMemberJoinedEvent.class, "1");
        assertThat(old.has("role")).isFalse();
        ActorMemberJoinedEvent joined = json.treeToValue(
                EventUpcasts.toCurrent(ActorMemberJoinedEvent.class, "1", old), ActorMemberJoinedEvent.class);
        assertThat(joined.role()).isEqualTo(MemberRole.MANAGER);
        assertThat(joined.memberSubject()).isEqualTo("u-7f3c9a2e51b04d8c");
        assertThat(joined.joinedAt()).isEqualTo(Instant.parse("2026-09-12T08:30:00Z"));
        assertThat(old.has("role")).as("the payload given is left alone").isFalse();
        // A member who joins now says which role it has; the sample of the current revision is a colleague's.
        assertThat(json.treeToValue(readSample(ActorMemberJoinedEvent.class), ActorMemberJoinedEvent.class).role())
                .isEqualTo(MemberRole.MEMBER);
    }

    @Test
    void aRecordsPayloadIsReadAtTheRevisionItsHeadersName() throws IOException {
        String old = json.writeValueAsString(readSample("profile", ActorMemberJoinedEvent.class, "1"));
        assertThat(EventUpcasts.read(old, ActorMemberJoinedEvent.class, "1").role()).isEqualTo(MemberRole.MANAGER);
        String current = json.writeValueAsString(readSample(ActorMemberJoinedEvent.class));
        assertThat(EventUpcasts.read(current, ActorMemberJoinedEvent.class, "2").role()).isEqualTo(MemberRole.MEMBER);
        assertThat(EventUpcasts.read(current, ActorMemberJoinedEvent.class, null).role())
                .as("a record without a revision is read as the current one").isEqualTo(MemberRole.MEMBER);
        assertThatThrownBy(() -> EventUpcasts.read("[1, 2]", ActorMemberJoinedEvent.class, "1"))
                .isInstanceOf(com.fasterxml.jackson.core.JsonProcessingException.class);
    }

    @Test
    void aRevisionNoUpcastLeadsFromIsNotRead() {
        assertThat(EventUpcasts.canRead(ActorMemberJoinedEvent.class, "2")).isTrue();
        assertThat(EventUpcasts.canRead(ActorMemberJoinedEvent.class, "3")).isFalse();
        assertThat(EventUpcasts.canRead(ActorMemberJoinedEvent.class, "0")).isFalse();
        assertThat(EventUpcasts.canRead(NeedRegisteredEvent.class, "1")).isTrue();
        assertThatThrownBy(() -> EventUpcasts.toCurrent(ActorMemberJoinedEvent.class, "3", json.createObjectNode()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("revision 3");
    }

    private static List<Class<?>> allEvents() {
        return Stream.of(EventCatalog.profileEvents(), EventCatalog.matchingEvents(),
                EventCatalog.introductionLogEvents(), EventCatalog.sessionEvents()).flatMap(List::stream).toList();
    }

    private static String contextOf(Class<?> type) {
        if (EventCatalog.profileEvents().contains(type)) return "profile";
        if (EventCatalog.sessionEvents().contains(type)) return "session";
        return "matching";
    }

    @Test
    void sampleFieldsMeanWhatTheDomainSays() throws IOException {
        NeedRegisteredEvent need = json.treeToValue(readSample(NeedRegisteredEvent.class), NeedRegisteredEvent.class);
        assertThat(need.details().sdgs()).containsExactly(Sdg.ODD_8, Sdg.ODD_10);
        assertThat(need.details().territory().level()).isEqualTo(TerritoryLevel.DEPARTEMENT);
        assertThat(need.details().validUntil()).isEqualTo(LocalDate.of(2027, 6, 30));
        assertThat(need.details().isExpiredOn(LocalDate.of(2027, 6, 30))).isFalse();
        assertThat(need.details().isExpiredOn(LocalDate.of(2027, 7, 1))).isTrue();
    }

    @Test
    void aProposalSampleKeepsTheMatchersGroundsAsTheyWere() throws IOException {
        IntroductionProposedEvent proposed = json.treeToValue(readSample("matching", IntroductionProposedEvent.class),
                IntroductionProposedEvent.class);
        assertThat(proposed.source()).isEqualTo(IntroductionSource.MATCHER);
        assertThat(proposed.match().modelVersion()).isEqualTo("complementarity-2");
        assertThat(proposed.match().components()).containsEntry("territory", 0.8).hasSize(7);
        assertThat(proposed.pairs()).extracting(NeedOfferPair::needId)
                .containsExactly("5b0e7a44-9c1d-4f0e-8a2b-3c4d5e6f7a8b");
        assertThat(proposed.proposedBy().role()).isEqualTo("FACILITATOR");
        assertThat(Duration.between(proposed.proposedAt(), proposed.answerBy())).isEqualTo(Duration.ofDays(14));
        // Recorded since the deadline is cancelled by its id: absent from earlier proposals, written when present.
        assertThat(proposed.answerDeadlineId()).isNull();
        IntroductionProposedEvent withDeadline = new IntroductionProposedEvent(proposed.introductionId(),
                proposed.source(), proposed.actorId(), proposed.partnerActorId(), proposed.pairs(), proposed.match(),
                proposed.proposedBy(), proposed.note(), proposed.proposedAt(), proposed.answerBy(), "deadline-7");
        JsonNode written = json.readTree(json.writeValueAsString(withDeadline));
        assertThat(written.path("answerDeadlineId").asText()).isEqualTo("deadline-7");
        assertThat(json.treeToValue(written, IntroductionProposedEvent.class)).isEqualTo(withDeadline);
    }

    @Test
    void aScheduleSampleExplainsEachMeetingAndCarriesItsObjective() throws IOException {
        ScheduleGeneratedEvent generated = json.treeToValue(readSample("session", ScheduleGeneratedEvent.class),
                ScheduleGeneratedEvent.class);
        assertThat(generated.meetings()).extracting(ScheduledMeeting::reason)
                .containsExactly(MeetingReason.MUTUAL_WISH, MeetingReason.COMPLEMENTARITY, MeetingReason.WISH);
        assertThat(generated.meetings().get(0).brings("actor-foundation", "actor-association")).isTrue();
        assertThat(generated.objective().minimumMeetings()).isEqualTo(2);
        assertThat(generated.objective().mutualWishesMet()).isEqualTo(generated.objective().mutualWishes());
    }

    @Test
    void scoreComponentsTravelSortedWhateverTheOrderTheyWereGivenIn() throws IOException {
        Map<String, Double> unsorted = new LinkedHashMap<>();
        unsorted.put("territory", 0.8);
        unsorted.put("category", 1.0);
        String written = json.writeValueAsString(new MatchSnapshot("v", 0.5, unsorted, "phrase"));
        assertThat(written).contains("{\"category\":1.0,\"territory\":0.8}");
    }

    @Test
    void anSdgOutsideOneToSeventeenIsRejected() {
        assertThatThrownBy(() -> json.readValue("18", Sdg.class)).hasMessageContaining("1 to 17");
        assertThatThrownBy(() -> json.readValue("0", Sdg.class)).hasMessageContaining("1 to 17");
    }

    @Test
    void unknownEventTypesAreNotInTheCatalog() {
        assertThat(EventCatalog.typeFor("SomethingElseHappened")).isEmpty();
    }

    private JsonNode readSample(Class<?> profileEvent) throws IOException {
        return readSample("profile", profileEvent);
    }

    private JsonNode readSample(String context, Class<?> type) throws IOException {
        return readSample(context, type, EventCatalog.revisionOf(type));
    }

    private JsonNode readSample(String context, Class<?> type, String revision) throws IOException {
        String path = "/golden/" + context + "/" + type.getSimpleName() + ".v" + revision + ".json";
        try (InputStream in = getClass().getResourceAsStream(path)) {
            assertThat(in).as("golden sample " + path).isNotNull();
            return json.readTree(in);
        }
    }
}
