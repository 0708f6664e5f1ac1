package cn.qujiang.youth.notification.preferences;

import java.time.Clock;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Reads and replaces an applicant's notification preferences. */
@Service
public class PreferencesService {
    private final MongoTemplate mongo;
    private final PreferencesProperties properties;
    private final Clock clock;

    PreferencesService(MongoTemplate mongo, PreferencesProperties properties, Clock clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
    }

    public ApplicantPreferences of(String applicantId) {
        PreferencesDocument saved = mongo.findById(applicantId, PreferencesDocument.class);
        if (saved == null) {
            return new ApplicantPreferences(ChannelSwitches.ALL_ON, ChannelSwitches.ALL_ON, null,
                    new QuietHours(true, properties.smsQuietFrom(), properties.smsQuietTo()), properties.timeZone());
        }
        return new ApplicantPreferences(saved.match(), saved.application(), saved.language(), saved.smsQuietHours(),
                properties.timeZone());
    }

    ApplicantPreferences replace(String applicantId, ChannelSwitches match, ChannelSwitches application,
            String language, QuietHours smsQuietHours) {
        mongo.save(new PreferencesDocument(applicantId, match, application, language, smsQuietHours, clock.instant()));
        return of(applicantId);
    }

    public void purge(String applicantId) {
        mongo.remove(Query.query(Criteria.where("_id").is(applicantId)), PreferencesDocument.class);
    }
}
