package cn.qujiang.youth.notification.message;

/** How a message reaches the applicant. */
public enum Channel {
    IN_APP, EMAIL, SMS
}
