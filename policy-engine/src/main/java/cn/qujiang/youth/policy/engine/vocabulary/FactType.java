package cn.qujiang.youth.policy.engine.vocabulary;

/**
 * How a client shows a fact's value, which is text (e.g. a criterion's {@code values}): ENUM and BOOL values by
 * their labels, INT values as a number with the fact's unit, DATE values as dates, DATES as a list of dates (each
 * child's birth date), GRADUATIONS as a list of degrees, each with its graduation date ({@code degree} worded as the
 * {@code degree} fact's values, {@code date}), TEXT as it is.
 */
public enum FactType {
    ENUM, BOOL, INT, DATE, DATES, GRADUATIONS, TEXT
}
