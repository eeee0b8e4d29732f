package fr.labos.partenariats.matchmaking.introduction.batch;

import fr.labos.partenariats.matchmaking.introduction.command.IntroductionRules;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch's proposal says why in its note, from the matcher's sentence, which quotes names and titles: long ones are
 * cut to the longest note an introduction keeps, rather than refused with the batch stopped halfway.
 */
class BatchProposalNoteTest {

    @Test
    void aSentencePastTheLimitIsCutToItWithAnEllipsis() {
        String note = BatchProposals.note("Proposition du lot de mise en relation : " + "a".repeat(3000));

        assertThat(note).hasSize(IntroductionRules.MAX_NOTE).startsWith("Proposition du lot").endsWith("a…");
    }

    @Test
    void noCharacterIsCutInHalf() {
        // 😀 is two chars in Java: the cut falls between them, and only the whole character may stay or go.
        String note = BatchProposals.note("a".repeat(IntroductionRules.MAX_NOTE - 2) + "😀" + "b".repeat(10));

        assertThat(note).endsWith("a…").hasSize(IntroductionRules.MAX_NOTE - 1);
    }
}
