package fr.labos.partenariats.matchmaking.introduction.history.store;

import fr.labos.partenariats.matchmaking.support.RunningMatchmaking;
import fr.labos.partenariats.schema.PrincipalMetadata;
import fr.labos.partenariats.schema.common.LabCalendar;
import fr.labos.partenariats.schema.matching.AcceptIntroductionCommand;
import fr.labos.partenariats.schema.matching.IntroductionSource;
import fr.labos.partenariats.schema.matching.ProposeIntroductionCommand;
import fr.labos.partenariats.schema.matching.Proposer;
import org.axonframework.commandhandling.GenericCommandMessage;
import fr.labos.partenariats.schema.matching.Outcome;
import fr.labos.partenariats.schema.matching.RecordOutcomeCommand;
import org.axonframework.messaging.MetaData;

import java.time.LocalDate;

import java.util.List;
import java.util.UUID;

/** Introductions driven through Axon's command gateway, each command carrying its principal as the API sends it. */
public final class Introductions {

    static final String FACILITATOR = "u-facilitator-isere";
    static final String MEMBER_A = "u-member-a";
    static final String MEMBER_B = "u-member-b";

    private final RunningMatchmaking service;

    public Introductions(RunningMatchmaking service) {
        this.service = service;
    }

    /**
     * A facilitator introduces actor-a to a partner of its own ({@link #partnerOf}), and both accept: three steps.
     * Accepted, the introduction is in progress and holds its pair: the next one needs another partner.
     */
    public String proposedAndAccepted(String note) {
        String id = "intro-" + UUID.randomUUID();
        String partner = partnerOf(id);
        send(new ProposeIntroductionCommand(id, IntroductionSource.FACILITATOR, "actor-a", partner, List.of(), null,
                new Proposer(FACILITATOR, "FACILITATOR"), note), FACILITATOR, "FACILITATOR", null);
        send(new AcceptIntroductionCommand(id, "actor-a"), MEMBER_A, "ACTOR_MEMBER", "actor-a");
        send(new AcceptIntroductionCommand(id, partner), MEMBER_B, "ACTOR_MEMBER", partner);
        return id;
    }

    /** The partner of actor-a in an introduction made by {@link #proposedAndAccepted}. */
    public static String partnerOf(String introductionId) {
        return "actor-b-" + introductionId.substring("intro-".length(), "intro-".length() + 8);
    }

    /** Outcomes recorded one after the other on an accepted introduction, as a member of actor-a. */
    public void followUps(String id, int count) {
        LocalDate today = LocalDate.now(LabCalendar.ZONE);
        for (int i = 0; i < count; i++) {
            send(new RecordOutcomeCommand(id, "actor-a", Outcome.FOLLOW_UP_PLANNED, today,
                    "Point d'étape n° " + i + " : suite prévue avec la mairie", null, null), MEMBER_A, "ACTOR_MEMBER",
                    "actor-a");
        }
    }

    private void send(Object command, String subject, String role, String actingFor) {
        MetaData metadata = MetaData.with(PrincipalMetadata.SUBJECT, subject).and(PrincipalMetadata.ROLE, role);
        if (actingFor != null) {
            metadata = metadata.and(PrincipalMetadata.ACTING_FOR, actingFor);
        }
        service.commands().sendAndWait(GenericCommandMessage.asCommandMessage(command).withMetaData(metadata));
    }
}
