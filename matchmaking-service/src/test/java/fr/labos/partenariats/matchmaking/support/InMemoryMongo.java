package fr.labos.partenariats.matchmaking.support;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.RawBsonDocument;
import fr.labos.partenariats.matchmaking.projection.MongoDays;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.data.mongodb.core.convert.DefaultDbRefResolver;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** MongoDB's wire protocol in memory (mongo-java-server) on a random local port, for one test class. */
public final class InMemoryMongo implements AutoCloseable {

    public static final String DATABASE = "matchmaking";

    private final MongoServer server;
    private final String uri;
    private MongoClient client;

    private InMemoryMongo(int port) {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = port == 0 ? server.bind() : bindTo(port);
        uri = uriFor(address.getPort());
    }

    private InetSocketAddress bindTo(int port) {
        server.bind("localhost", port);
        return server.getLocalAddress();
    }

    public static InMemoryMongo start() {
        return new InMemoryMongo(0);
    }

    /** Starts on a given port, e.g. one a service was already told about while nothing listened there. */
    public static InMemoryMongo start(int port) {
        return new InMemoryMongo(port);
    }

    public static String uriFor(int port) {
        return "mongodb://localhost:" + port + "/" + DATABASE;
    }

    /** A port nothing listens on right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String uri() {
        return uri;
    }

    /**
     * A template of the test's own, outside any Spring context, storing as the service's does (its conversions:
     * {@link MongoDays}).
     */
    public synchronized MongoTemplate template() {
        if (client == null) {
            client = MongoClients.create(uri);
        }
        MongoDatabaseFactory factory = new SimpleMongoClientDatabaseFactory(client, DATABASE);
        MongoCustomConversions conversions = MongoDays.conversions();
        MongoMappingContext mapping = new MongoMappingContext();
        mapping.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        mapping.afterPropertiesSet();
        MappingMongoConverter converter = new MappingMongoConverter(new DefaultDbRefResolver(factory), mapping);
        converter.setCustomConversions(conversions);
        converter.afterPropertiesSet();
        return new MongoTemplate(factory, converter);
    }

    /**
     * Every document of a collection as stored, in BSON bytes (hex), ordered by id: what "unchanged byte for byte"
     * compares.
     */
    public List<String> rawDocuments(String collection) {
        MongoCollection<RawBsonDocument> raw = template().getDb().getCollection(collection, RawBsonDocument.class);
        List<String> documents = new ArrayList<>();
        for (RawBsonDocument document : raw.find().sort(Sorts.ascending("_id"))) {
            ByteBuffer bytes = document.getByteBuffer().asNIO();
            byte[] copy = new byte[bytes.remaining()];
            bytes.get(copy);
            documents.add(HexFormat.of().formatHex(copy));
        }
        return documents;
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
        }
        server.shutdownNow();
    }
}
