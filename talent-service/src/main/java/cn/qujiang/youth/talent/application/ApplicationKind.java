package cn.qujiang.youth.talent.application;

/** An application the applicant made, or an offer the system made for an auto-grant (免申即享) measure. */
public enum ApplicationKind { APPLICATION, OFFER }
