package fr.labos.partenariats.matchmaking.introduction.history.api;

import fr.labos.partenariats.matchmaking.introduction.history.merkle.Hash;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.SignedTreeHead;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.TreeHead;
import fr.labos.partenariats.matchmaking.introduction.history.store.HistoryRepository;
import fr.labos.partenariats.matchmaking.introduction.history.store.IntroductionLog;
import fr.labos.partenariats.matchmaking.introduction.history.store.TreeHeadPublisher;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The tree checked long enough for a head, then rebuilt shorter by a recheck (history rows deleted from the database
 * at that moment) before the proof is drawn from it: the answer is the 404 the check itself would have given.
 */
class ProofOfATreeRebuiltShorterTest {

    @Test
    void aConsistencyProofOutOfTheRebuiltTreeIsTheHeadNoLongerRebuilt() {
        IntroductionLog log = mock(IntroductionLog.class);
        HistoryRepository repository = mock(HistoryRepository.class);
        when(repository.head(8)).thenReturn(Optional.of(
                new SignedTreeHead(new TreeHead(8, Hash.of(new byte[32]), Instant.EPOCH), "Ed25519", new byte[64])));
        when(log.catchUp()).thenReturn(8L);
        when(log.size()).thenReturn(8L, 3L);
        when(log.consistencyProof(2, 8)).thenThrow(new IllegalArgumentException("size 8 outside a tree of 3"));
        IntroductionLogController controller = new IntroductionLogController(log, repository, null, null,
                mock(TreeHeadPublisher.class));

        LogRequestException refused = catchThrowableOfType(() -> controller.consistency(2, 8L),
                LogRequestException.NotFound.class);

        assertThat(refused).isNotNull();
        assertThat(refused.code()).isEqualTo("history.not-found.tree-size");
        assertThat(refused.arguments()).containsExactly(8L, 3L);
    }
}
