package fr.labos.partenariats.profile.actor.command;

import fr.labos.partenariats.platform.security.ActionForbiddenException;
import fr.labos.partenariats.profile.domain.ConflictException;
import fr.labos.partenariats.profile.domain.NotFoundException;
import fr.labos.partenariats.profile.domain.PreconditionFailedException;
import fr.labos.partenariats.schema.PrincipalMetadata;
import fr.labos.partenariats.schema.common.VisibleText;
import fr.labos.partenariats.schema.profile.ActorContactErasedEvent;
import fr.labos.partenariats.schema.profile.ActorInvitationRedeemedEvent;
import fr.labos.partenariats.schema.profile.ActorInvitationRevokedEvent;
import fr.labos.partenariats.schema.profile.ActorMemberInvitedEvent;
import fr.labos.partenariats.schema.profile.ActorMemberJoinedEvent;
import fr.labos.partenariats.schema.profile.ActorMemberLeftEvent;
import fr.labos.partenariats.schema.profile.ActorMemberRoleChangedEvent;
import fr.labos.partenariats.schema.profile.ActorProfileUpdatedEvent;
import fr.labos.partenariats.schema.profile.ActorRegisteredEvent;
import fr.labos.partenariats.schema.profile.ChangeActorMemberRoleCommand;
import fr.labos.partenariats.schema.profile.EraseActorContactCommand;
import fr.labos.partenariats.schema.profile.InviteActorMemberCommand;
import fr.labos.partenariats.schema.profile.JoinActorByInvitationCommand;
import fr.labos.partenariats.schema.profile.MemberRole;
import fr.labos.partenariats.schema.profile.RegisterActorCommand;
import fr.labos.partenariats.schema.profile.RemoveActorMemberCommand;
import fr.labos.partenariats.schema.profile.RevokeActorInvitationCommand;
import fr.labos.partenariats.schema.profile.UpdateActorProfileCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** An organisation of the territory. Its contact person lives in the {@link ContactVault}, never in its events. */
@Aggregate
public class Actor {

    private static final String VIEWER_ROLE = "VIEWER";
    private static final String ACTOR_MEMBER_ROLE = "ACTOR_MEMBER";

    /**
     * Invitations waiting for their colleague at once, per actor: enough for a team joining together, few enough that
     * codes handed out and forgotten do not pile up (withdraw one, or let it expire, to invite again).
     */
    static final int MAX_PENDING_INVITATIONS = 20;

    @AggregateIdentifier
    private String actorId;

    /**
     * The members granted here and their roles (not those the identity provider's tokens name, which it alone manages).
     * While any remain, one of them at least is a manager: the organisation's people can always invite and name others
     * without calling a facilitator.
     */
    private final Map<String, MemberRole> members = new HashMap<>();

    /** Every invitation made, by id: what its code must digest to, until when, and whether it was used or withdrawn. */
    private final Map<String, Invitation> invitations = new HashMap<>();

    /**
     * The sequence number of the last event that changed the profile or the contact person (registered, updated,
     * erased): what readers are given as the profile's revision ({@code ETag}), and what a change made from their copy
     * must still find. Members and invitations leave it alone: a colleague joining does not make a profile form stale.
     */
    private long profileRevision;

    /** The public profile as it stands, in the shape an update would give it: an update that changes nothing is none. */
    private ActorProfileUpdatedEvent profile;

    protected Actor() {
        // for Axon
    }

    /**
     * An actor's own member (the principal in the command's metadata, signed in as {@code ACTOR_MEMBER}) registering its
     * organisation becomes its member, and its manager. A facilitator or an admin registers it (one by one or by an
     * import) without joining: they reach the actor through their role, and only while it lasts (a facilitator leaving
     * the territory, an admin losing the role, no longer act for it), instead of keeping a membership of every actor
     * they entered. A viewer, or a command sent by no one in particular (no principal), joins no one either.
     */
    @CommandHandler
    public Actor(RegisterActorCommand command, ContactVault contacts, Clock clock,
                 @MetaDataValue(PrincipalMetadata.SUBJECT) String subject,
                 @MetaDataValue(PrincipalMetadata.ROLE) String role) {
        ActorRules.checkProfile(command.name(), command.type(), command.homeTerritory());
        ActorRules.checkContact(command.contact());
        contacts.store(command.actorId(), command.contact());
        apply(new ActorRegisteredEvent(command.actorId(), command.name().strip(), command.type(),
                command.homeTerritory(), command.themes(), command.sdgs(), command.description(), clock.instant()));
        if (subject != null && ACTOR_MEMBER_ROLE.equals(role)) {
            apply(new ActorMemberJoinedEvent(command.actorId(), subject, MemberRole.MANAGER, clock.instant()));
        }
    }

    /**
     * With {@code onlyAtRevisions}, refused (412, nothing written) unless the profile is still at one of them: a form
     * filled before the contact person was erased must not write that person back.
     */
    @CommandHandler
    public void handle(UpdateActorProfileCommand command, ContactVault contacts) {
        if (command.onlyAtRevisions() != null && !command.onlyAtRevisions().contains(profileRevision)) {
            throw new PreconditionFailedException("precondition.actor.profile-changed", profileRevision);
        }
        ActorRules.checkProfile(command.name(), command.type(), command.homeTerritory());
        ActorRules.checkContact(command.contact());
        ActorProfileUpdatedEvent updated = new ActorProfileUpdatedEvent(actorId, command.name().strip(), command.type(),
                command.homeTerritory(), command.themes(), command.sdgs(), command.description());
        boolean contactChanged = command.contact() != null
                && !contacts.find(actorId).equals(Optional.of(command.contact()));
        if (sameProfile(updated, profile) && !contactChanged) {
            // A form saved as it was read: nothing happened, so nothing is recorded (the revision stays, the
            // matchmaking service has nothing to index again, the history no step that changed nothing).
            return;
        }
        if (contactChanged) {
            contacts.store(actorId, command.contact());
        }
        apply(updated);
    }

    /**
     * The same profile, its description compared as it shows: none and an empty one, or one with spaces around it
     * (a form trims what a spreadsheet's import kept), are the same.
     */
    private static boolean sameProfile(ActorProfileUpdatedEvent updated, ActorProfileUpdatedEvent current) {
        return current != null && updated.name().equals(current.name()) && updated.type() == current.type()
                && updated.homeTerritory().equals(current.homeTerritory()) && updated.themes().equals(current.themes())
                && updated.sdgs().equals(current.sdgs()) && sameText(updated.description(), current.description());
    }

    private static boolean sameText(String one, String other) {
        return VisibleText.isBlank(one) ? VisibleText.isBlank(other)
                : !VisibleText.isBlank(other) && shown(one).equals(shown(other));
    }

    /** Without the spaces of any kind (a no-break space among them) and invisible characters at either end. */
    private static String shown(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && VisibleText.isBlank(String.valueOf(text.charAt(start)))) start++;
        while (end > start && VisibleText.isBlank(String.valueOf(text.charAt(end - 1)))) end--;
        return text.substring(start, end);
    }

    /**
     * Erasure always succeeds, even twice: a person asking to be forgotten must never get an error. It is recorded
     * whenever a contact person was actually erased, so the history says when (and, in its metadata, by whom); the
     * vault, written in this same transaction, is what knows whether one was on file (events never hold it).
     */
    @CommandHandler
    public void handle(EraseActorContactCommand command, ContactVault contacts, Clock clock) {
        if (contacts.erase(actorId)) {
            apply(new ActorContactErasedEvent(actorId, clock.instant()));
        }
    }

    /**
     * A membership granted here ends when the member leaves or a manager of the actor removes it (checked before the
     * command); who did is in the event's metadata. Only a current member can be removed (404 otherwise, nothing
     * written): a second removal, or one of a member named by the identity provider's tokens, has nothing to remove
     * here. The last manager leaves only with the last member: while others remain, it names one of them first (409).
     */
    @CommandHandler
    public void handle(RemoveActorMemberCommand command, Clock clock) {
        MemberRole role = roleOf(command.memberSubject());
        if (role == MemberRole.MANAGER && members.size() > 1) {
            checkAnotherManagerThan(command.memberSubject());
        }
        apply(new ActorMemberLeftEvent(actorId, command.memberSubject(), clock.instant()));
    }

    /**
     * A manager of the actor (checked before the command) names a member manager, or makes a manager a member only;
     * asking for the role a member has already writes nothing. The last manager stays one (409): another is named
     * first.
     */
    @CommandHandler
    public void handle(ChangeActorMemberRoleCommand command, Clock clock) {
        if (command.role() == null) {
            throw new IllegalArgumentException("a member's new role must be given");
        }
        MemberRole role = roleOf(command.memberSubject());
        if (role == command.role()) {
            return;
        }
        if (role == MemberRole.MANAGER) {
            checkAnotherManagerThan(command.memberSubject());
        }
        apply(new ActorMemberRoleChangedEvent(actorId, command.memberSubject(), command.role(), clock.instant()));
    }

    /**
     * Whoever manages the actor's members (checked before the command: a manager, a member its token names, a
     * facilitator of its territory, an admin) invites a colleague.
     * The caller made the code and sends only its digest; nothing of the code that works is kept anywhere.
     */
    @CommandHandler
    public void handle(InviteActorMemberCommand command, Clock clock) {
        Instant now = clock.instant();
        if (!command.expiresAt().isAfter(now)) {
            throw new IllegalArgumentException("an invitation must expire after it is made: " + command.expiresAt());
        }
        long pending = invitations.values().stream().filter(invitation -> invitation.isPendingAt(now)).count();
        if (pending >= MAX_PENDING_INVITATIONS) {
            throw new ConflictException("conflict.invitation.too-many", MAX_PENDING_INVITATIONS);
        }
        // Ids are UUIDs the service makes, so one is never met twice; the read model, keyed by id alone, counts on it.
        if (invitations.containsKey(command.invitationId())) {
            throw new ConflictException("conflict.invitation.exists", command.invitationId());
        }
        apply(new ActorMemberInvitedEvent(actorId, command.invitationId(), command.codeDigest(), command.expiresAt(), now));
    }

    /**
     * Whoever gives a working code joins the actor. The code is checked before anything else is said about the
     * invitation: without it, one learns neither whether the invitation was used nor whether it still works. A current
     * member gets a 409 and leaves the invitation for whom it was meant; so does whoever made the invitation. A viewer
     * never joins (the controller refuses it before any lookup; this is the rule's second line).
     * <p>
     * Who already acts for the actor by its token (a member its {@code lab_actors} names) or by its role (a facilitator
     * of its territory, an admin) is refused by the controller, not here: the command's metadata carries the subject and
     * role only, not the token's actors nor territories, and those are the identity provider's to say at each request.
     * What the history alone knows (the stored members, who made each invitation, who was removed) is checked here.
     */
    @CommandHandler
    public void handle(JoinActorByInvitationCommand command, Clock clock,
                       @MetaDataValue(PrincipalMetadata.SUBJECT) String subject,
                       @MetaDataValue(PrincipalMetadata.ROLE) String role) {
        if (VIEWER_ROLE.equals(role)) {
            throw new ActionForbiddenException("Un compte de consultation ne peut pas devenir membre d'un acteur.");
        }
        Invitation invitation = invitations.get(command.invitationId());
        if (invitation == null || !invitation.opensWith(command.codeDigest())) {
            throw new NotFoundException("not-found.invitation");
        }
        Instant now = clock.instant();
        invitation.checkStillWaitingAt(now);
        if (subject == null) {
            throw new IllegalStateException("joining an actor needs a signed-in principal in the command's metadata");
        }
        if (members.containsKey(subject)) {
            throw new ConflictException("conflict.member.already");
        }
        // Someone removed from the actor after the invitation was made does not come back with it: otherwise a manager
        // removed by the others would rejoin with a code it made for itself beforehand (as manager, even, were none
        // left), and a removal would hold only as long as no old code was kept. The invitation stays good for anyone
        // else: a member who invites a colleague and then leaves hands over, and the colleague, joining, still takes
        // the place; and for whoever left of their own accord (but the one who made it: see below). A new invitation,
        // made since by the actor's people, lets a removed member back in.
        if (invitation.closedTo().contains(subject)) {
            throw new ConflictException("conflict.invitation.made-before-leaving");
        }
        // The one who made the invitation hands it over, it does not use it: otherwise a member known only by its token
        // (or a facilitator, an admin) would turn its reach, which the identity provider may withdraw, into a membership
        // granted here that outlasts it (as manager, even, were none stored).
        if (subject.equals(invitation.invitedBy())) {
            throw new ConflictException("conflict.invitation.own");
        }
        apply(new ActorInvitationRedeemedEvent(actorId, command.invitationId(), subject, now));
        // A colleague acts for the organisation; a manager names it manager too if it should invite others. Where no
        // manager is left (the one who invited was the last member, and left since), the colleague takes that role:
        // members without a manager could invite no one.
        boolean managed = members.containsValue(MemberRole.MANAGER);
        apply(new ActorMemberJoinedEvent(actorId, subject, managed ? MemberRole.MEMBER : MemberRole.MANAGER, now));
    }

    /**
     * An invitation still waiting can be withdrawn; one used, withdrawn already, expired (its code works no more: there
     * is nothing to withdraw) or unknown to this actor cannot, and nothing is written.
     */
    @CommandHandler
    public void handle(RevokeActorInvitationCommand command, Clock clock) {
        Invitation invitation = invitations.get(command.invitationId());
        if (invitation == null) {
            throw new NotFoundException("not-found.invitation-id", command.invitationId(), actorId);
        }
        Instant now = clock.instant();
        invitation.checkStillWaitingAt(now);
        apply(new ActorInvitationRevokedEvent(actorId, command.invitationId(), now));
    }

    @EventSourcingHandler
    void on(ActorRegisteredEvent event, @SequenceNumber long sequence) {
        actorId = event.actorId();
        profile = new ActorProfileUpdatedEvent(event.actorId(), event.name(), event.type(), event.homeTerritory(),
                event.themes(), event.sdgs(), event.description());
        profileRevision = sequence;
    }

    @EventSourcingHandler
    void on(ActorProfileUpdatedEvent event, @SequenceNumber long sequence) {
        profile = event;
        profileRevision = sequence;
    }

    @EventSourcingHandler
    void on(ActorContactErasedEvent event, @SequenceNumber long sequence) {
        profileRevision = sequence;
    }

    @EventSourcingHandler
    void on(ActorMemberJoinedEvent event) {
        members.put(event.memberSubject(), event.role());
    }

    @EventSourcingHandler
    void on(ActorMemberRoleChangedEvent event) {
        members.replace(event.memberSubject(), event.role());
    }

    @EventSourcingHandler
    void on(ActorMemberLeftEvent event, @MetaDataValue(PrincipalMetadata.SUBJECT) String removedBy) {
        members.remove(event.memberSubject());
        // Removed by someone else (or by no one known): the invitations that could still be used at that moment do
        // not bring the former member back. Derived from the events and their metadata alone, so an older history
        // loads as it is and says the same. Who left of their own accord may come back with a code given to them.
        if (!event.memberSubject().equals(removedBy)) {
            invitations.replaceAll((id, invitation) -> invitation.isPendingAt(event.leftAt())
                    ? invitation.closedTo(event.memberSubject()) : invitation);
        }
    }

    @EventSourcingHandler
    void on(ActorMemberInvitedEvent event, @MetaDataValue(PrincipalMetadata.SUBJECT) String invitedBy) {
        invitations.put(event.invitationId(),
                new Invitation(event.codeDigest(), event.expiresAt(), invitedBy, false, false, Set.of()));
    }

    @EventSourcingHandler
    void on(ActorInvitationRedeemedEvent event) {
        invitations.computeIfPresent(event.invitationId(), (id, invitation) -> invitation.asRedeemed());
    }

    @EventSourcingHandler
    void on(ActorInvitationRevokedEvent event) {
        invitations.computeIfPresent(event.invitationId(), (id, invitation) -> invitation.asRevoked());
    }

    /** The role of a current member granted here; 404 for anyone else. */
    private MemberRole roleOf(String subject) {
        MemberRole role = members.get(subject);
        if (role == null) {
            throw new NotFoundException("not-found.member", subject, actorId);
        }
        return role;
    }

    private void checkAnotherManagerThan(String subject) {
        boolean another = members.entrySet().stream()
                .anyMatch(member -> member.getValue() == MemberRole.MANAGER && !member.getKey().equals(subject));
        if (!another) {
            throw new ConflictException("conflict.member.last-manager");
        }
    }

    /**
     * @param invitedBy who made the invitation (from the event's metadata; null when it carried no principal): it may
     *                  not use it itself
     * @param closedTo  the former members who left the actor after the invitation was made: it does not bring them back
     */
    private record Invitation(String codeDigest, Instant expiresAt, String invitedBy, boolean redeemed, boolean revoked,
                              Set<String> closedTo) {

        boolean isPendingAt(Instant now) {
            return !redeemed && !revoked && now.isBefore(expiresAt);
        }

        /** A 409 saying why an invitation that is not {@link #isPendingAt pending} can serve no more. */
        void checkStillWaitingAt(Instant now) {
            if (redeemed) {
                throw new ConflictException("conflict.invitation.redeemed");
            }
            if (revoked) {
                throw new ConflictException("conflict.invitation.revoked");
            }
            if (!now.isBefore(expiresAt)) {
                throw new ConflictException("conflict.invitation.expired", Date.from(expiresAt));
            }
        }

        /** Compared in constant time: how long the comparison takes says nothing of how much of a guess was right. */
        boolean opensWith(String digest) {
            return digest != null && MessageDigest.isEqual(codeDigest.getBytes(StandardCharsets.US_ASCII),
                    digest.getBytes(StandardCharsets.US_ASCII));
        }

        Invitation asRedeemed() {
            return new Invitation(codeDigest, expiresAt, invitedBy, true, revoked, closedTo);
        }

        Invitation asRevoked() {
            return new Invitation(codeDigest, expiresAt, invitedBy, redeemed, true, closedTo);
        }

        Invitation closedTo(String formerMember) {
            Set<String> closed = new HashSet<>(closedTo);
            closed.add(formerMember);
            return new Invitation(codeDigest, expiresAt, invitedBy, redeemed, revoked, Set.copyOf(closed));
        }
    }
}
