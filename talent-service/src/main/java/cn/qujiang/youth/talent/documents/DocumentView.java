package cn.qujiang.youth.talent.documents;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** An officer opened a document of an application: who (subject and user name), when, which. One insert each. */
@Document(DocumentView.COLLECTION)
record DocumentView(@Id String id, @Indexed String applicationId, @Indexed String applicantId, String documentId,
        String by, String byName, java.time.Instant at) {

    static final String COLLECTION = "document_views";
}
