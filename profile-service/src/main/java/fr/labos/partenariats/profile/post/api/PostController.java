package fr.labos.partenariats.profile.post.api;

import fr.labos.partenariats.profile.post.query.PostKind;
import fr.labos.partenariats.profile.post.query.PostProjection;
import fr.labos.partenariats.profile.post.query.PostView;
import fr.labos.partenariats.profile.web.CreatedResponse;
import fr.labos.partenariats.profile.domain.NotFoundException;
import fr.labos.partenariats.schema.profile.FulfilNeedCommand;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
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

/** REST for an actor's needs ({@code /needs}) and offers ({@code /offers}): same shape, same rules. */
@RestController
@RequestMapping("/api/actors/{actorId}")
@Validated
class PostController {

    private final CommandGateway commands;
    private final PostProjection posts;

    PostController(CommandGateway commands, PostProjection posts) {
        this.commands = commands;
        this.posts = posts;
    }

    @PostMapping("/{kind:needs|offers}")
    ResponseEntity<CreatedResponse> register(@PathVariable String actorId, @PathVariable String kind,
                                             @Valid @RequestBody PostRequest request) {
        String postId = UUID.randomUUID().toString();
        commands.sendAndWait(PostCommands.register(kindOf(kind), postId, actorId, request.toDetails()));
        return ResponseEntity.created(URI.create("/api/actors/" + actorId + "/" + kind + "/" + postId))
                .body(new CreatedResponse(postId));
    }

    @GetMapping("/{kind:needs|offers}")
    List<PostView> list(@PathVariable String actorId, @PathVariable String kind,
                        @RequestParam(defaultValue = "false") boolean includeClosed) {
        return posts.listForActor(kindOf(kind), actorId, includeClosed);
    }

    @GetMapping("/{kind:needs|offers}/{postId}")
    PostView read(@PathVariable String actorId, @PathVariable String kind, @PathVariable String postId) {
        return posts.find(kindOf(kind), actorId, postId)
                .orElseThrow(() -> new NotFoundException("not-found." + kindOf(kind).name().toLowerCase(), postId,
                        actorId));
    }

    @PutMapping("/{kind:needs|offers}/{postId}")
    ResponseEntity<Void> update(@PathVariable String actorId, @PathVariable String kind, @PathVariable String postId,
                                @Valid @RequestBody PostRequest request) {
        commands.sendAndWait(PostCommands.update(kindOf(kind), postId, actorId, request.toDetails()));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{kind:needs|offers}/{postId}")
    ResponseEntity<Void> withdraw(@PathVariable String actorId, @PathVariable String kind, @PathVariable String postId,
                                  @RequestParam(required = false) @Size(max = 500) String reason) {
        commands.sendAndWait(PostCommands.withdraw(kindOf(kind), postId, actorId, reason));
        return ResponseEntity.noContent().build();
    }

    /** A need was met: it leaves matching and counts as a success on the dashboards. */
    @PostMapping("/needs/{needId}/fulfilment")
    ResponseEntity<Void> fulfil(@PathVariable String actorId, @PathVariable String needId,
                                @Valid @RequestBody(required = false) FulfilmentRequest request) {
        commands.sendAndWait(new FulfilNeedCommand(needId, actorId, request == null ? null : request.note()));
        return ResponseEntity.noContent().build();
    }

    record FulfilmentRequest(@Size(max = 2000) String note) {
    }

    private static PostKind kindOf(String pathSegment) {
        return pathSegment.equals("needs") ? PostKind.NEED : PostKind.OFFER;
    }
}
