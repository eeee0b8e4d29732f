package fr.labos.partenariats.matchmaking.introduction.api;

import fr.labos.partenariats.matchmaking.projection.ActorEntry;
import fr.labos.partenariats.matchmaking.projection.ProjectionReader;
import fr.labos.partenariats.schema.common.ActorType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The actors a refusal names, said by their names; the refusal itself whatever happens to that reading. */
class RefusalNamesTest {

    private final ProjectionReader actors = mock(ProjectionReader.class);

    /** The projection's own reading of the names, over an actors' query the test answers. */
    @BeforeEach
    void namesReadAsTheProjectionReadsThem() {
        when(actors.namesForMessages(anyCollection())).thenCallRealMethod();
    }

    @Test
    void theActorsAmongTheArgumentsAreSaidByTheirNamesTheOtherArgumentsAsTheyAre() {
        when(actors.actors(anyCollection())).thenReturn(Map.of("a-1", actor("a-1", "Tremplin Insertion"),
                "a-2", actor("a-2", null)));

        Object[] said = IntroductionProblems.byName(new Object[]{"intro-7", "a-1", "a-2", "inconnu", 3}, actors);

        assertThat(said).containsExactly("intro-7", "Tremplin Insertion", "a-2", "inconnu", 3);
    }

    /** MongoDB away while a 409 is answered: the 409, with the ids, not a 500 from the problem's own mapping. */
    @Test
    void namesThatCannotBeReadLeaveTheIds() {
        when(actors.actors(anyCollection())).thenThrow(new DataAccessResourceFailureException("MongoDB away"));

        assertThat(IntroductionProblems.byName(new Object[]{"intro-7", "a-1"}, actors)).containsExactly("intro-7", "a-1");
    }

    private static ActorEntry actor(String id, String name) {
        return new ActorEntry(id, name, ActorType.ASSOCIATION, "38185", List.of(), List.of(), "", Instant.EPOCH, 0,
                Instant.EPOCH, Set.of());
    }
}
