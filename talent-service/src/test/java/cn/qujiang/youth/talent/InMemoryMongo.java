package cn.qujiang.youth.talent;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.List;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.index.MongoPersistentEntityIndexResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/**
 * A mongo-java-server in this JVM with a MongoTemplate mapped like the service's, for store tests that need the
 * real wire protocol and the real indexes but no Spring context.
 */
public final class InMemoryMongo implements AutoCloseable {
    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client;
    private final MongoTemplate template;
    private final MongoMappingContext mappingContext;

    public InMemoryMongo() {
        String uri = server.bindAndGetConnectionString();
        client = MongoClients.create(uri);
        MongoCustomConversions conversions = new MongoCustomConversions(List.of());
        mappingContext = new MongoMappingContext();
        mappingContext.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        mappingContext.afterPropertiesSet();
        MappingMongoConverter converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, mappingContext);
        converter.setCustomConversions(conversions);
        converter.afterPropertiesSet();
        template = new MongoTemplate(new SimpleMongoClientDatabaseFactory(client, "test"), converter);
    }

    /** Creates the indexes the documents declare, as auto-index-creation does in the service. */
    public InMemoryMongo withIndexesOf(Class<?>... documents) {
        MongoPersistentEntityIndexResolver resolver = new MongoPersistentEntityIndexResolver(mappingContext);
        for (Class<?> document : documents) {
            resolver.resolveIndexFor(document).forEach(index -> template.indexOps(document).createIndex(index));
        }
        return this;
    }

    public MongoTemplate template() {
        return template;
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
