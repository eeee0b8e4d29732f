package fr.labos.partenariats.profile.post.api;

import fr.labos.partenariats.platform.security.ActionForbiddenException;
import fr.labos.partenariats.platform.security.LabPrincipal;
import fr.labos.partenariats.profile.access.ActorAccess;
import fr.labos.partenariats.profile.post.command.PostStatus;
import fr.labos.partenariats.profile.post.query.PostKind;
import fr.labos.partenariats.profile.post.query.PostProjection;
import fr.labos.partenariats.profile.post.query.PostView;
import fr.labos.partenariats.profile.web.CreatedResponse;
import fr.labos.partenariats.profile.domain.NotFoundException;
import fr.labos.partenariats.schema.profile.FulfilNeedCommand;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * REST for an actor's needs ({@code /needs}) and offers ({@code /offers}): same shape, same rules. Open posts are public
 * to every signed-in role; posting, changing, closing, and reading closed posts (withdrawn, fulfilled, or past their
 * date: {@link PostStatus#EXPIRED}) are for those who act for the actor.
 */
@RestController
@RequestMapping("/api/actors/{actorId}")
@Validated
class PostController {

    private final CommandGateway commands;
    private final PostProjection posts;
    private final ActorAccess access;

    PostController(CommandGateway commands, PostProjection posts, ActorAccess access) {
        this.commands = commands;
        this.posts = posts;
        this.access = access;
    }

    @Operation(operationId = "registerPost")
    @PostMapping("/{kind:needs|offers}")
    ResponseEntity<CreatedResponse> register(@AuthenticationPrincipal LabPrincipal principal, @PathVariable String actorId,
                                             @PathVariable String kind, @Valid @RequestBody PostRequest request) {
        access.actingFor(principal, actorId);
        String postId = UUID.randomUUID().toString();
        commands.sendAndWait(PostCommands.register(kindOf(kind), postId, actorId, request.toDetails()));
        return ResponseEntity.created(URI.create("/api/actors/" + actorId + "/" + kind + "/" + postId))
                .body(new CreatedResponse(postId));
    }

    @Operation(operationId = "listPosts")
    @GetMapping("/{kind:needs|offers}")
    List<PostView> list(@AuthenticationPrincipal LabPrincipal principal, @PathVariable String actorId,
                        @PathVariable String kind, @RequestParam(defaultValue = "false") boolean includeClosed) {
        access.existing(actorId); // an unknown actor, or a post's id in its place, is a 404, not an empty list
        if (includeClosed) {
            checkMayReadClosed(principal, actorId);
        }
        // A post past its date is closed to all but those who act for its actor, as the withdrawn and fulfilled are.
        return posts.listForActor(kindOf(kind), actorId, includeClosed);
    }

    @Operation(operationId = "readPost")
    @GetMapping("/{kind:needs|offers}/{postId}")
    PostView read(@AuthenticationPrincipal LabPrincipal principal, @PathVariable String actorId,
                  @PathVariable String kind, @PathVariable String postId) {
        PostView post = posts.find(kindOf(kind), actorId, postId)
                .orElseThrow(() -> new NotFoundException("not-found." + kindOf(kind).name().toLowerCase(), postId,
                        actorId));
        if (post.status() != PostStatus.OPEN) {
            checkMayReadClosed(principal, actorId);
        }
        return post;
    }

    @Operation(operationId = "updatePost")
    @PutMapping("/{kind:needs|offers}/{postId}")
    ResponseEntity<Void> update(@AuthenticationPrincipal LabPrincipal principal, @PathVariable String actorId,
                                @PathVariable String kind, @PathVariable String postId,
                                @Valid @RequestBody PostRequest request) {
        access.actingFor(principal, actorId);
        commands.sendAndWait(PostCommands.update(kindOf(kind), postId, actorId, request.toDetails()));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{kind:needs|offers}/{postId}")
    ResponseEntity<Void> withdraw(@AuthenticationPrincipal LabPrincipal principal, @PathVariable String actorId,
                                  @PathVariable String kind, @PathVariable String postId,
                                  @RequestParam(required = false) @Size(max = 500) String reason) {
        access.actingFor(principal, actorId);
        commands.sendAndWait(PostCommands.withdraw(kindOf(kind), postId, actorId, reason));
        return ResponseEntity.noContent().build();
    }

    /**
     * The same withdrawal, its reason in the body: a reason in the query string ({@code DELETE …?reason=}, kept for the
     * clients that send it) is written down by every proxy's and server's access log on its way, where the lab cannot
     * take it back; a body is not.
     */
    @PostMapping("/{kind:needs|offers}/{postId}/withdrawal")
    ResponseEntity<Void> withdrawWithItsReason(@AuthenticationPrincipal LabPrincipal principal, @PathVariable String actorId,
                                               @PathVariable String kind, @PathVariable String postId,
                                               @Valid @RequestBody(required = false) WithdrawalRequest request) {
        access.actingFor(principal, actorId);
        commands.sendAndWait(PostCommands.withdraw(kindOf(kind), postId, actorId, request == null ? null : request.reason()));
        return ResponseEntity.noContent().build();
    }

    record WithdrawalRequest(@Size(max = 500) String reason) {
    }

    /** A need was met: it leaves matching and counts as a success on the dashboards. */
    @PostMapping("/needs/{needId}/fulfilment")
    ResponseEntity<Void> fulfil(@AuthenticationPrincipal LabPrincipal principal, @PathVariable String actorId,
                                @PathVariable String needId, @Valid @RequestBody(required = false) FulfilmentRequest request) {
        access.actingFor(principal, actorId);
        commands.sendAndWait(new FulfilNeedCommand(needId, actorId, request == null ? null : request.note()));
        return ResponseEntity.noContent().build();
    }

    record FulfilmentRequest(@Size(max = 2000) String note) {
    }

    /** Closed posts (with the reason they were withdrawn or how they were met) are the actor's own business. */
    private void checkMayReadClosed(LabPrincipal principal, String actorId) {
        if (!access.mayActFor(principal, access.existing(actorId))) {
            throw new ActionForbiddenException(
                    "Les besoins et offres clos d'un acteur ne sont visibles que de ceux qui agissent pour lui.");
        }
    }

    private static PostKind kindOf(String pathSegment) {
        return pathSegment.equals("needs") ? PostKind.NEED : PostKind.OFFER;
    }
}
