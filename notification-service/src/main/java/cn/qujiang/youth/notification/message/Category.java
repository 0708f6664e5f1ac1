package cn.qujiang.youth.notification.message;

/** What a message is about; applicants switch channels on or off per category. */
public enum Category {
    /** "You now qualify for ..." after a match. */
    MATCH,
    /** Confirmations and decisions of the applicant's own applications. */
    APPLICATION
}
