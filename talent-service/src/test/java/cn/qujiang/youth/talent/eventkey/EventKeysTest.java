package cn.qujiang.youth.talent.eventkey;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qujiang.youth.contracts.ApplicantProfileChanged;
import cn.qujiang.youth.contracts.ApplicantFacts;
import cn.qujiang.youth.contracts.EventKey;
import cn.qujiang.youth.talent.InMemoryMongo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Event keys against mongo-java-server: one per applicant, stored sealed, gone for good once deleted. */
class EventKeysTest {
    private InMemoryMongo mongo;
    private EventKeys keys;

    @BeforeEach
    void start() {
        mongo = new InMemoryMongo();
        keys = keys();
    }

    private EventKeys keys() {
        return TestEventKeys.in(mongo.template());
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void anApplicantHasOneKeyWhoeverAsksFirst() {
        EventKey first = keys.forApplicant("a1");

        assertThat(keys().forApplicant("a1")).as("another instance, nothing cached").isEqualTo(first);
        assertThat(keys.findStored("a1")).contains(first);
        assertThat(keys.forApplicant("a2").keyId()).isNotEqualTo(first.keyId());
    }

    @Test
    void manyKeysAreFoundInOneLookupAndTheErasedAreLeftOut() {
        EventKey first = keys.forApplicant("a1");
        EventKey second = keys.forApplicant("a2");
        keys.forApplicant("a3");
        keys.delete("a3");

        assertThat(keys().findStored(List.of("a1", "a2", "a3", "never-seen")))
                .isEqualTo(Map.of("a1", first, "a2", second));
    }

    @Test
    void theKeyIsStoredSealedByTheServicesDataKey() {
        EventKey key = keys.forApplicant("a1");

        Document stored = mongo.template().getCollection(EventKeyDocument.COLLECTION).find().first();
        assertThat(stored.toJson()).contains(key.keyId()).doesNotContain(key.key());
    }

    @Test
    void afterDeletionNothingSealedForTheApplicantOpensAndNoKeyIsHandedOut() {
        ApplicantProfileChanged event = ApplicantProfileChanged.sealing("a1", 1, Instant.EPOCH, ApplicantFacts.none(),
                List.of(), keys.forApplicant("a1"));

        keys.delete("a1");

        assertThat(keys.find("a1")).isEmpty();
        assertThat(keys.findStored("a1")).isEmpty();
        assertThat(keys.forApplicant("a1").sealed(event.facts()))
                .as("an applicant who comes back gets a new key, which does not open the old events").isFalse();
    }
}
