package fr.labos.partenariats.matchmaking.access;

import fr.labos.partenariats.matchmaking.projection.ActorEntry;
import fr.labos.partenariats.platform.security.LabPrincipal;
import fr.labos.partenariats.platform.security.LabRole;
import fr.labos.partenariats.schema.common.ActorType;
import fr.labos.partenariats.schema.common.TerritoryLevel;
import fr.labos.partenariats.schema.common.TerritoryRef;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may read what concerns an actor (its introductions; the live stream's events about its people): one rule,
 * whether the actor has reached the projection or is still on its way.
 */
class ActorAccessReadTest {

    /** Grenoble, in Isère (38). */
    private static final ActorEntry IN_ISERE = new ActorEntry("a-grenoble", "Maison des associations", ActorType.ASSOCIATION,
            "38185", List.of(), List.of(), null, Instant.EPOCH, 0, Instant.EPOCH, Set.of("sub-colleague"));

    // Reads nothing: the entries are given.
    private final ActorAccess access = new ActorAccess(null);
    private final Map<String, ActorEntry> known = Map.of(IN_ISERE.id(), IN_ISERE);

    @Test
    void anActorInTheProjectionIsReadByThoseWhoActForIt() {
        assertThat(access.mayReadFor(member("sub-colleague", Set.of()), IN_ISERE.id(), known)).isTrue();
        assertThat(access.mayReadFor(member("sub-token", Set.of(IN_ISERE.id())), IN_ISERE.id(), known)).isTrue();
        assertThat(access.mayReadFor(facilitatorOf("38"), IN_ISERE.id(), known)).isTrue();
        assertThat(access.mayReadFor(admin(), IN_ISERE.id(), known)).isTrue();

        assertThat(access.mayReadFor(member("sub-stranger", Set.of("another")), IN_ISERE.id(), known)).isFalse();
        assertThat(access.mayReadFor(facilitatorOf("69"), IN_ISERE.id(), known)).isFalse();
        assertThat(access.mayReadFor(viewerNaming(IN_ISERE.id()), IN_ISERE.id(), known)).isFalse();
    }

    @Test
    void anActorNotYetInTheProjectionIsReadByTheMembersItsTokenNamesAndByAdmins() {
        Map<String, ActorEntry> none = Map.of();
        assertThat(access.mayReadFor(member("sub-token", Set.of("a-new")), "a-new", none)).isTrue();
        assertThat(access.mayReadFor(admin(), "a-new", none)).isTrue();

        // Its territory is not known yet: no facilitator; a viewer never, whatever its token says.
        assertThat(access.mayReadFor(facilitatorOf("38"), "a-new", none)).isFalse();
        assertThat(access.mayReadFor(viewerNaming("a-new"), "a-new", none)).isFalse();
        assertThat(access.mayReadFor(member("sub-other", Set.of("another")), "a-new", none)).isFalse();
    }

    @Test
    void noActorIsForAdminsOnly() {
        assertThat(access.mayReadFor(admin(), null, known)).isTrue();
        assertThat(access.mayReadFor(facilitatorOf("38"), null, known)).isFalse();
        assertThat(access.mayReadFor(member("sub-token", Set.of(IN_ISERE.id())), null, known)).isFalse();
    }

    private static LabPrincipal member(String subject, Set<String> actors) {
        return new LabPrincipal(subject, LabRole.ACTOR_MEMBER, Set.of(), actors);
    }

    private static LabPrincipal facilitatorOf(String departement) {
        return new LabPrincipal("sub-facilitator", LabRole.FACILITATOR,
                Set.of(new TerritoryRef(departement, TerritoryLevel.DEPARTEMENT)), Set.of());
    }

    private static LabPrincipal viewerNaming(String actorId) {
        return new LabPrincipal("sub-viewer", LabRole.VIEWER, Set.of(), Set.of(actorId));
    }

    private static LabPrincipal admin() {
        return new LabPrincipal("sub-admin", LabRole.ADMIN, Set.of(), Set.of());
    }
}
