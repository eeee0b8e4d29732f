package fr.labos.partenariats.matchmaking.introduction.view;

import fr.labos.partenariats.matchmaking.matching.api.InvalidParameterException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The {@code status} parameter of the inbox and of the follow-up list. */
class StatusParameterTest {

    @Test
    void stagesAreNamedWithoutCaseInOneParameterOrSeveral() {
        assertThat(IntroductionViewController.stages(List.of("ACCEPTED, Follow-Up", "partnership")))
                .containsExactlyInAnyOrder(IntroductionStage.ACCEPTED, IntroductionStage.FOLLOW_UP,
                        IntroductionStage.PARTNERSHIP);
    }

    @Test
    void anUnknownStageIsRefusedNamingTheParameter() {
        assertThat(catchThrowableOfType(() -> IntroductionViewController.stages(List.of("acceptée")),
                InvalidParameterException.class).getMessage()).startsWith("status: ");
        assertThat(IntroductionViewController.stages(null)).containsExactlyInAnyOrder(IntroductionStage.values());
    }
}
