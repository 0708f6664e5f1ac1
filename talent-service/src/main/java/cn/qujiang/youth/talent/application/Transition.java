package cn.qujiang.youth.talent.application;

import cn.qujiang.youth.talent.application.ApplicationStatus.Actor;
import java.time.Instant;

/**
 * One step in an application's history: when, who (the Keycloak subject of the applicant or officer, "system"
 * for automatic steps; {@code byName} is an officer's user name), from and to which status, the stable reason code
 * and the officer's free-text comment (kept here only: it may contain personal data, so it never goes into events).
 */
public record Transition(Instant at, Actor actor, String by, String byName, ApplicationStatus from,
        ApplicationStatus to, String reasonCode, String comment) {
}
