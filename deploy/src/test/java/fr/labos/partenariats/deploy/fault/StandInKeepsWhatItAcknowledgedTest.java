package fr.labos.partenariats.deploy.fault;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import fr.labos.partenariats.deploy.MongoWireServerProcess;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MongoDB stand-in killed with SIGKILL in the middle of a stream of writes keeps every write it acknowledged, in
 * order: a client writes a document to one collection, then moves a position in another past it (as the projection
 * writes its documents, then its partition's position), one acknowledged write after the other, while the stand-in's
 * process is killed under it. Started again on its file, the stand-in holds every document the client saw
 * acknowledged, and the position points past none it lost. Left to H2's own commits (about once a second, from a thread
 * of its own), it lost the last writes out of order: the position survived documents written before it.
 */
class StandInKeepsWhatItAcknowledgedTest {

    @TempDir
    Path data;

    @Test
    void aKilledStandInKeepsEveryWriteItAcknowledgedInOrder() throws Exception {
        Path file = data.resolve("mongo.mv");
        AtomicLong acknowledged = new AtomicLong(-1);
        try (MongoWireServerProcess standIn = MongoWireServerProcess.onFreePort(file, data.resolve("mongo.log")).start()) {
            Thread writer = new Thread(() -> writeUntilRefused(standIn.uri("crash"), acknowledged), "writes");
            writer.start();
            // Killed with writes in flight, a moment after the hundredth was acknowledged.
            while (acknowledged.get() < 100 && writer.isAlive()) {
                Thread.sleep(5);
            }
            standIn.kill();
            writer.join(30_000);
            assertThat(writer.isAlive()).as("the writes stop once the stand-in is gone").isFalse();

            standIn.start();
            try (MongoClient client = MongoClients.create(standIn.uri("crash"))) {
                MongoDatabase database = client.getDatabase("crash");
                Set<Long> kept = new HashSet<>();
                database.getCollection("documents").find().forEach(document -> kept.add(document.getLong("_id")));
                Document position = database.getCollection("positions").find(Filters.eq("_id", "p")).first();
                long next = position == null ? 0 : position.getLong("next");

                List<Long> lostAcknowledged = new ArrayList<>();
                List<Long> lostBelowThePosition = new ArrayList<>();
                for (long i = 0; i < Math.max(acknowledged.get() + 1, next); i++) {
                    if (!kept.contains(i)) {
                        (i <= acknowledged.get() ? lostAcknowledged : lostBelowThePosition).add(i);
                    }
                }
                assertThat(acknowledged.get()).as("writes acknowledged before the kill").isGreaterThanOrEqualTo(100);
                assertThat(lostAcknowledged).as("acknowledged documents lost by the kill").isEmpty();
                assertThat(next).as("the position covers every acknowledged write").isGreaterThan(acknowledged.get());
                assertThat(lostBelowThePosition).as("documents the position covers, lost").isEmpty();
            }
        }
    }

    /** Document i, then the position moved to i + 1; each write waits for its acknowledgement. */
    private static void writeUntilRefused(String uri, AtomicLong acknowledged) {
        try (MongoClient client = MongoClients.create(uri + "?serverSelectionTimeoutMS=2000&socketTimeoutMS=2000")) {
            MongoDatabase database = client.getDatabase("crash");
            MongoCollection<Document> documents = database.getCollection("documents");
            MongoCollection<Document> positions = database.getCollection("positions");
            for (long i = 0; ; i++) {
                documents.insertOne(new Document("_id", i).append("payload", "écrit " + i));
                positions.replaceOne(Filters.eq("_id", "p"), new Document("_id", "p").append("next", i + 1),
                        new ReplaceOptions().upsert(true));
                acknowledged.set(i);
            }
        } catch (RuntimeException refused) {
            // The stand-in is gone: what it acknowledged until now is what it must keep.
        }
    }
}
