package cn.qujiang.youth.policy.matching;

import static cn.qujiang.youth.kit.facts.StoredFacts.nextField;
import static cn.qujiang.youth.kit.facts.StoredFacts.number;
import static cn.qujiang.youth.kit.facts.StoredFacts.strings;

import cn.qujiang.youth.contracts.ApplicantFacts;
import cn.qujiang.youth.kit.facts.StoredFacts;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.bson.BsonReader;
import org.bson.BsonWriter;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;

/**
 * Decodes the applicant documents that matching streams (re-match, impact preview) straight from the driver's BSON
 * reader, as Spring Data wrote them, field by field in the order they come: Spring Data's mapping of 100,000
 * documents with 26 facts each cost more CPU than evaluating them, and decoding into the driver's {@code Document}
 * first (a map per document and one per facts, then read back by name) was the largest part of what was left. The
 * facts and days are read by the kit's {@link StoredFacts}, as Spring Data reads them. StoredApplicantsTest checks
 * that it reads what Spring Data wrote; whole documents are written by Spring Data.
 */
final class StoredApplicants implements Codec<ApplicantMatches> {
    private final StoredFacts facts;

    StoredApplicants(StoredFacts facts) {
        this.facts = facts;
    }

    /** What matching needs of one applicant (no pending events, no eligible codes: the projection leaves them out). */
    @Override
    public ApplicantMatches decode(BsonReader reader, DecoderContext context) {
        String id = null;
        long lock = 0;
        long profileVersion = 0;
        ApplicantFacts facts = null;
        List<String> held = List.of();
        LocalDate asOf = null;
        long revision = 0;
        Instant evaluatedAt = null;
        List<String> results = List.of();
        boolean erased = false;
        reader.readStartDocument();
        for (String name = nextField(reader); name != null; name = nextField(reader)) {
            switch (name) {
                case "_id" -> id = reader.readString();
                case ApplicantMatches.LOCK -> lock = number(reader);
                case ApplicantMatches.PROFILE_VERSION -> profileVersion = number(reader);
                case ApplicantMatches.FACTS -> facts = this.facts.read(reader);
                case ApplicantMatches.HELD -> held = strings(reader);
                case ApplicantMatches.AS_OF -> asOf = this.facts.readDay(reader);
                case ApplicantMatches.CATALOGUE_REVISION -> revision = number(reader);
                case ApplicantMatches.EVALUATED_AT -> evaluatedAt = Instant.ofEpochMilli(reader.readDateTime());
                case ApplicantMatches.RESULTS -> results = strings(reader);
                case ApplicantMatches.ERASED -> erased = reader.readBoolean();
                default -> reader.skipValue();
            }
        }
        reader.readEndDocument();
        return new ApplicantMatches(id, lock, profileVersion, facts, held, asOf, revision, evaluatedAt, results,
                List.of(), erased, List.of());
    }

    @Override
    public void encode(BsonWriter writer, ApplicantMatches value, EncoderContext context) {
        throw new UnsupportedOperationException("applicant documents are written by Spring Data and MatchStore");
    }

    @Override
    public Class<ApplicantMatches> getEncoderClass() {
        return ApplicantMatches.class;
    }
}
