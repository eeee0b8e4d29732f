package fr.labos.partenariats.profile.post.query;

import fr.labos.partenariats.profile.infrastructure.JsonDocuments;
import fr.labos.partenariats.profile.post.command.PostStatus;
import fr.labos.partenariats.schema.common.LabCalendar;
import fr.labos.partenariats.schema.profile.NeedFulfilledEvent;
import fr.labos.partenariats.schema.profile.NeedRegisteredEvent;
import fr.labos.partenariats.schema.profile.NeedUpdatedEvent;
import fr.labos.partenariats.schema.profile.NeedWithdrawnEvent;
import fr.labos.partenariats.schema.profile.OfferRegisteredEvent;
import fr.labos.partenariats.schema.profile.OfferUpdatedEvent;
import fr.labos.partenariats.schema.profile.OfferWithdrawnEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** The needs and offers read model of profile-service (table post_view), updated in the command's transaction. */
@Component
@ProcessingGroup("profile-views")
public class PostProjection {

    private final JdbcTemplate jdbc;
    private final JsonDocuments json;
    private final Clock clock;

    public PostProjection(JdbcTemplate jdbc, JsonDocuments json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @EventHandler
    void on(NeedRegisteredEvent event) {
        insert(new PostView(event.needId(), PostKind.NEED, event.actorId(), PostStatus.OPEN, event.details(),
                event.registeredAt(), null, null));
    }

    @EventHandler
    void on(OfferRegisteredEvent event) {
        insert(new PostView(event.offerId(), PostKind.OFFER, event.actorId(), PostStatus.OPEN, event.details(),
                event.registeredAt(), null, null));
    }

    @EventHandler
    void on(NeedUpdatedEvent event) {
        change(event.needId(), view -> view.withDetails(event.details()));
    }

    @EventHandler
    void on(OfferUpdatedEvent event) {
        change(event.offerId(), view -> view.withDetails(event.details()));
    }

    @EventHandler
    void on(NeedWithdrawnEvent event) {
        change(event.needId(), view -> view.closed(PostStatus.WITHDRAWN, event.withdrawnAt(), event.reason()));
    }

    @EventHandler
    void on(OfferWithdrawnEvent event) {
        change(event.offerId(), view -> view.closed(PostStatus.WITHDRAWN, event.withdrawnAt(), event.reason()));
    }

    @EventHandler
    void on(NeedFulfilledEvent event) {
        change(event.needId(), view -> view.closed(PostStatus.FULFILLED, event.fulfilledAt(), event.note()));
    }

    /**
     * The post of that kind, only if it belongs to that actor (nobody reads another actor's post by guessing ids), as
     * it stands today: past its date, {@link PostStatus#EXPIRED} ({@link PostView#asOf}), for every reader alike.
     */
    public Optional<PostView> find(PostKind kind, String actorId, String postId) {
        LocalDate today = LabCalendar.today(clock);
        return jdbc.query("SELECT document FROM post_view WHERE post_id = ? AND kind = ? AND actor_id = ?",
                        (rs, row) -> json.read(rs.getString(1), PostView.class), postId, kind.name(), actorId).stream()
                .findFirst().map(post -> post.asOf(today));
    }

    /** The actor's posts of that kind as they stand today: the open ones, or all with {@code includeClosed}. */
    public List<PostView> listForActor(PostKind kind, String actorId, boolean includeClosed) {
        LocalDate today = LabCalendar.today(clock);
        return jdbc.query("""
                                SELECT document FROM post_view WHERE actor_id = ? AND kind = ? AND (? OR status = 'OPEN')
                                ORDER BY registered_at, post_id
                                """,
                        (rs, row) -> json.read(rs.getString(1), PostView.class), actorId, kind.name(), includeClosed)
                .stream().map(post -> post.asOf(today))
                .filter(post -> includeClosed || post.status() == PostStatus.OPEN).toList();
    }

    private void insert(PostView view) {
        jdbc.update("""
                INSERT INTO post_view (post_id, kind, actor_id, status, document, registered_at)
                VALUES (?, ?, ?, ?, ?::jsonb, ?)
                ON CONFLICT (post_id) DO NOTHING
                """, view.id(), view.kind().name(), view.actorId(), view.status().name(), json.write(view),
                Timestamp.from(view.registeredAt()));
    }

    private void change(String postId, UnaryOperator<PostView> change) {
        jdbc.query("SELECT document FROM post_view WHERE post_id = ? FOR UPDATE",
                        (rs, row) -> json.read(rs.getString(1), PostView.class), postId).stream().findFirst()
                .map(change)
                .ifPresent(view -> jdbc.update("UPDATE post_view SET status = ?, document = ?::jsonb WHERE post_id = ?",
                        view.status().name(), json.write(view), postId));
    }
}
