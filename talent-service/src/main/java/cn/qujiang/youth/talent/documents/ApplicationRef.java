package cn.qujiang.youth.talent.documents;

import org.springframework.data.annotation.Id;

/**
 * What documents need to know of an application, read straight from its collection (the application feature
 * calls this one; reading back through it would tie the two in a circle).
 */
record ApplicationRef(@Id String id, String applicantId, String measureCode, String status) {
    static final String COLLECTION = "applications";

    /** The resident may still add documents: waiting for an officer or asked for more. */
    boolean takesDocuments() {
        return "SUBMITTED".equals(status) || "INFO_REQUESTED".equals(status);
    }
}
