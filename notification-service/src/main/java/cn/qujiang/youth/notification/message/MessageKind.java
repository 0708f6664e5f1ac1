package cn.qujiang.youth.notification.message;

/** One kind of message per inbound event type; {@code template} names its folder under {@code templates/notifications}. */
public enum MessageKind {
    NEWLY_ELIGIBLE(Category.MATCH, "newly-eligible"),
    APPLICATION_SUBMITTED(Category.APPLICATION, "application-submitted"),
    APPLICATION_DECIDED(Category.APPLICATION, "application-decided"),
    BENEFIT_ENDED(Category.APPLICATION, "benefit-ended");

    private final Category category;
    private final String template;

    MessageKind(Category category, String template) {
        this.category = category;
        this.template = template;
    }

    public Category category() {
        return category;
    }

    public String template() {
        return template;
    }
}
