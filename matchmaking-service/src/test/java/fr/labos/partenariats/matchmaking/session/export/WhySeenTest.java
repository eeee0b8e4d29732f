package fr.labos.partenariats.matchmaking.session.export;

import fr.labos.partenariats.matchmaking.session.schedule.Wish;
import fr.labos.partenariats.schema.session.MeetingReason;
import fr.labos.partenariats.schema.session.ScheduledMeeting;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whose eyes a meeting's why is for, the wishes having changed since the schedule was made (a wish ticked by mistake,
 * taken back before publication, the schedule not generated again): a wish taken back is never told through the
 * reason and sentence the planner wrote with it.
 */
class WhySeenTest {

    private static final ScheduledMeeting MUTUAL = new ScheduledMeeting(1, 1, "a", "b", 1.4, MeetingReason.MUTUAL_WISH,
            "Les deux participants ont demandé à se rencontrer.", false);
    private static final ScheduledMeeting A_WISHED_B = new ScheduledMeeting(1, 1, "a", "b", 1.2, MeetingReason.WISH,
            "a a demandé à rencontrer b.", false);
    private static final ScheduledMeeting COMPLEMENTARY = new ScheduledMeeting(1, 1, "a", "b", 0.6,
            MeetingReason.COMPLEMENTARITY, "Le besoin de a répond à l'offre de b.", false);

    @Test
    void aMutualWishIsToldToEitherSideWhileBothWishesStand() {
        List<Wish> both = List.of(new Wish("a", "b"), new Wish("b", "a"));
        assertThat(WhySeen.byParticipant(both, "a"::equals).of(MUTUAL)).isTrue();
        assertThat(WhySeen.byParticipant(both, "b"::equals).of(MUTUAL)).isTrue();
        assertThat(WhySeen.byParticipant(both, "c"::equals).of(MUTUAL)).isFalse();
    }

    @Test
    void aMutualWishOneSideTookBackIsToldToNoOne() {
        List<Wish> onlyA = List.of(new Wish("a", "b"));
        assertThat(WhySeen.byParticipant(onlyA, "a"::equals).of(MUTUAL)).isFalse();
        assertThat(WhySeen.byParticipant(onlyA, "b"::equals).of(MUTUAL)).isFalse();
        assertThat(WhySeen.bothStillWish(onlyA, MUTUAL)).isFalse();
        assertThat(WhySeen.bothStillWish(List.of(new Wish("b", "a"), new Wish("a", "b")), MUTUAL)).isTrue();
    }

    @Test
    void aOneSidedWishIsToldToItsWisherOnlyWhileItStands() {
        assertThat(WhySeen.byParticipant(List.of(new Wish("a", "b")), "a"::equals).of(A_WISHED_B)).isTrue();
        assertThat(WhySeen.byParticipant(List.of(new Wish("a", "b")), "b"::equals).of(A_WISHED_B)).isFalse();
        // A took its wish back and B wished A since: the sentence says A asked, which B must not read.
        List<Wish> nowOnlyB = List.of(new Wish("b", "a"));
        assertThat(WhySeen.byParticipant(nowOnlyB, "b"::equals).of(A_WISHED_B)).isFalse();
        assertThat(WhySeen.byParticipant(nowOnlyB, "a"::equals).of(A_WISHED_B)).isFalse();
    }

    @Test
    void aComplementarityIsToldToNoParticipantAndEverythingToThoseWhoRunTheSession() {
        List<Wish> both = List.of(new Wish("a", "b"), new Wish("b", "a"));
        assertThat(WhySeen.byParticipant(both, "a"::equals).of(COMPLEMENTARY)).isFalse();
        assertThat(WhySeen.all().of(COMPLEMENTARY)).isTrue();
        assertThat(WhySeen.all().of(MUTUAL)).isTrue();
    }
}
