package cn.qujiang.youth.talent.documents;

/** A required document not there (or rejected): its key and, in the caller's language, its name. */
public record MissingDocument(String key, String name) {
}
