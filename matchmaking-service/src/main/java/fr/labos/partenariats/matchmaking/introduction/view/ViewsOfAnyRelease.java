package fr.labos.partenariats.matchmaking.introduction.view;

import fr.labos.partenariats.matchmaking.dashboard.ValuesOfNewerReleases;
import fr.labos.partenariats.schema.matching.IntroductionSource;
import fr.labos.partenariats.schema.matching.ReminderChannel;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.util.List;
import java.util.Optional;

/**
 * Reads introduction views for those who only read them (the APIs, the dashboards), whatever release wrote them: a
 * stage, a source or a reminder's channel a newer release added (a rolling upgrade) is read as unknown (null), which the readers show as
 * such or leave out, instead of failing the whole answer — an actor's inbox, a facilitator's follow-up list, every
 * dashboard poll — on the one view this release cannot read. Not for the projection: it writes views back whole, and
 * would write the unknown value over; it fails on such a view until an instance of the newer release takes its
 * partition.
 */
public final class ViewsOfAnyRelease {

    private final MongoTemplate mongo;
    private final ValuesOfNewerReleases newerValues;

    /** @param newerValues the reader's own (each unknown value said once per reader, in its logger) */
    public ViewsOfAnyRelease(MongoTemplate mongo, ValuesOfNewerReleases newerValues) {
        this.mongo = mongo;
        this.newerValues = newerValues;
    }

    /** The views the query finds, with the fields it includes. */
    public List<IntroductionView> find(Query query) {
        return mongo.find(query, Document.class, IntroductionView.COLLECTION).stream().map(this::read).toList();
    }

    public Optional<IntroductionView> findById(String introductionId) {
        return find(Query.query(Criteria.where("_id").is(introductionId))).stream().findFirst();
    }

    /** The view a stored document holds, without a stage, source or reminder's channel this release does not know. */
    public IntroductionView read(Document document) {
        forgetUnknown(document, "stage", IntroductionStage.class);
        forgetUnknown(document, "source", IntroductionSource.class);
        if (document.get("lastReminder") instanceof Document reminder) {
            forgetUnknown(reminder, "channel", ReminderChannel.class);
        }
        return mongo.getConverter().read(IntroductionView.class, document);
    }

    private <E extends Enum<E>> void forgetUnknown(Document document, String field, Class<E> type) {
        if (document.get(field) instanceof String name
                && newerValues.known(type, name, IntroductionView.COLLECTION) == null) {
            document.remove(field);
        }
    }
}
