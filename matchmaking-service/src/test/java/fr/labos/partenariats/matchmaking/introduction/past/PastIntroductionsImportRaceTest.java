package fr.labos.partenariats.matchmaking.introduction.past;

import fr.labos.partenariats.matchmaking.access.ActorAccess;
import fr.labos.partenariats.matchmaking.introduction.command.AnswerPeriod;
import fr.labos.partenariats.matchmaking.introduction.command.OpenPairs;
import fr.labos.partenariats.matchmaking.introduction.command.PairAlreadyInIntroduction;
import fr.labos.partenariats.matchmaking.projection.ActorEntry;
import fr.labos.partenariats.matchmaking.projection.ProjectionReader;
import fr.labos.partenariats.platform.security.LabPrincipal;
import fr.labos.partenariats.platform.security.LabRole;
import fr.labos.partenariats.schema.common.ActorType;
import fr.labos.partenariats.schema.common.LabCalendar;
import fr.labos.partenariats.schema.common.TerritoryLevel;
import fr.labos.partenariats.schema.common.TerritoryRef;
import fr.labos.partenariats.schema.matching.RecordPastIntroductionCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * What the import reports of a line when another sending of the same lines is recorded at the same moment: between
 * the import's check of the event store and its command. (The rest of the import is tested through the service in
 * {@link PastIntroductionsImportTest}; a race is not something a test can time through it.)
 */
class PastIntroductionsImportRaceTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private static final String HEADER = "acteur;partenaire;proposée le;acceptée le;déclinée le;déclinée par;"
            + "raison du refus;rencontre le;suite;suite le;forme;catégorie;fin du partenariat le;note";
    private static final ActorEntry TREMPLIN = actor("past-a", "Tremplin Insertion");
    private static final ActorEntry FONDS = actor("past-b", "Fonds Alpes Solidarités");
    private static final LabPrincipal FACILITATOR = new LabPrincipal("u-facilitator", LabRole.FACILITATOR,
            Set.of(new TerritoryRef("38", TerritoryLevel.DEPARTEMENT)), Set.of());

    private final CommandGateway commands = mock(CommandGateway.class);
    private final ActorAccess access = mock(ActorAccess.class);
    private PastIntroductionsImport importer;

    @BeforeEach
    void setUp() {
        EventStore events = mock(EventStore.class);
        when(events.lastSequenceNumberFor(anyString())).thenReturn(Optional.empty());
        when(access.read(any())).thenReturn(Map.of(TREMPLIN.id(), TREMPLIN, FONDS.id(), FONDS));
        when(access.mayIntermediateBetween(any(), any())).thenReturn(true);
        when(access.mayActFor(any(), any())).thenReturn(true);
        OpenPairs openPairs = mock(OpenPairs.class);
        when(openPairs.claimedBy(anyString(), anyString())).thenReturn(Optional.empty());
        importer = new PastIntroductionsImport(commands, events, access, mock(ProjectionReader.class), openPairs,
                AnswerPeriod.DEFAULT, Clock.fixed(NOW, LabCalendar.ZONE));
    }

    /**
     * A line left unanswered holds its pair before it is written: the other sending held it first, under this very
     * introduction's id. It was recorded — by the other sending — not « proposée pendant la reprise ».
     */
    @Test
    void aWaitingLineHeldByTheSameLinesSentAtOnceIsReportedAsRecordedAlready() {
        when(commands.sendAndWait(any())).thenAnswer(call -> {
            RecordPastIntroductionCommand line = call.getArgument(0);
            throw new PairAlreadyInIntroduction(line.introductionId(), line.actorId(), line.partnerActorId());
        });

        PastIntroductionsImport.ImportReport report = importer.importFile(FACILITATOR, waitingLine("past-a;past-b"));

        assertThat(report.lines()).extracting(PastIntroductionsImport.LineResult::result)
                .containsExactly(PastIntroductionsImport.Result.ALREADY_RECORDED);
        assertThat(report.notRecorded()).isZero();
    }

    @Test
    void aWaitingLineWhosePairAnotherIntroductionTookMeanwhileIsNotRecorded() {
        when(commands.sendAndWait(any())).thenAnswer(call -> {
            RecordPastIntroductionCommand line = call.getArgument(0);
            throw new PairAlreadyInIntroduction("proposed-meanwhile", line.actorId(), line.partnerActorId());
        });

        PastIntroductionsImport.ImportReport report = importer.importFile(FACILITATOR, waitingLine("past-a;past-b"));

        assertThat(report.lines()).extracting(PastIntroductionsImport.LineResult::result)
                .containsExactly(PastIntroductionsImport.Result.PAIR_WAITING);
    }

    /**
     * Two files naming the pair in opposite orders, sent at once, record one introduction: both compute the same id,
     * which the event store takes once (it refuses the second).
     */
    @Test
    void theSameIntroductionHasOneIdWhicheverColumnNamesWhichActor() {
        when(commands.sendAndWait(any())).thenReturn(null);

        importer.importFile(FACILITATOR, waitingLine("past-a;past-b"));
        importer.importFile(FACILITATOR, waitingLine("past-b;past-a"));

        ArgumentCaptor<RecordPastIntroductionCommand> sent = ArgumentCaptor.forClass(RecordPastIntroductionCommand.class);
        verify(commands, times(2)).sendAndWait(sent.capture());
        List<RecordPastIntroductionCommand> both = sent.getAllValues();
        assertThat(both.get(1).actorId()).isEqualTo("past-b");
        assertThat(both.get(1).introductionId()).isEqualTo(both.get(0).introductionId());
    }

    private static byte[] waitingLine(String actors) {
        String proposed = LocalDate.ofInstant(NOW, LabCalendar.ZONE).minusDays(2).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        return ("\uFEFF" + HEADER + "\n" + actors + ";" + proposed + ";;;;;;;;;;;").getBytes(StandardCharsets.UTF_8);
    }

    private static ActorEntry actor(String id, String name) {
        return new ActorEntry(id, name, ActorType.ASSOCIATION, "38185", List.of(), List.of(), null, Instant.EPOCH, 0,
                Instant.EPOCH, Set.of());
    }
}
