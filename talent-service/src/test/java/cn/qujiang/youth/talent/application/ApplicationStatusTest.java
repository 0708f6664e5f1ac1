package cn.qujiang.youth.talent.application;

import static cn.qujiang.youth.talent.application.ApplicationStatus.APPROVED;
import static cn.qujiang.youth.talent.application.ApplicationStatus.CONFIRMED;
import static cn.qujiang.youth.talent.application.ApplicationStatus.DECLINED;
import static cn.qujiang.youth.talent.application.ApplicationStatus.ENDED;
import static cn.qujiang.youth.talent.application.ApplicationStatus.INFO_REQUESTED;
import static cn.qujiang.youth.talent.application.ApplicationStatus.LAPSED;
import static cn.qujiang.youth.talent.application.ApplicationStatus.OFFERED;
import static cn.qujiang.youth.talent.application.ApplicationStatus.REJECTED;
import static cn.qujiang.youth.talent.application.ApplicationStatus.SUBMITTED;
import static cn.qujiang.youth.talent.application.ApplicationStatus.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;

import cn.qujiang.youth.talent.application.ApplicationStatus.Actor;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class ApplicationStatusTest {

    @Test
    void officersDecideSubmittedApplications() {
        assertThat(SUBMITTED.canMove(APPROVED, Actor.OFFICER)).isTrue();
        assertThat(SUBMITTED.canMove(REJECTED, Actor.OFFICER)).isTrue();
        assertThat(SUBMITTED.canMove(INFO_REQUESTED, Actor.OFFICER)).isTrue();
        assertThat(SUBMITTED.canMove(WITHDRAWN, Actor.OFFICER)).isFalse();
    }

    @Test
    void applicantsWithdrawButNeverApproveTheirOwnApplication() {
        assertThat(SUBMITTED.canMove(WITHDRAWN, Actor.APPLICANT)).isTrue();
        assertThat(SUBMITTED.canMove(APPROVED, Actor.APPLICANT)).isFalse();
        assertThat(INFO_REQUESTED.canMove(APPROVED, Actor.APPLICANT)).isFalse();
    }

    @Test
    void aRequestForInformationGoesBackToTheApplicantAndThenToTheOfficer() {
        assertThat(INFO_REQUESTED.canMove(SUBMITTED, Actor.APPLICANT)).isTrue();
        assertThat(INFO_REQUESTED.canMove(SUBMITTED, Actor.OFFICER)).isFalse();
        assertThat(INFO_REQUESTED.canMove(APPROVED, Actor.OFFICER)).isTrue();
        assertThat(INFO_REQUESTED.canMove(INFO_REQUESTED, Actor.OFFICER)).isFalse();
    }

    @Test
    void offersAreConfirmedByOfficersAndApprovedOnlyByTheApplicantsAcceptance() {
        assertThat(OFFERED.canMove(CONFIRMED, Actor.OFFICER)).isTrue();
        assertThat(OFFERED.canMove(APPROVED, Actor.OFFICER)).isFalse();
        assertThat(OFFERED.canMove(APPROVED, Actor.APPLICANT)).isFalse();
        assertThat(CONFIRMED.canMove(APPROVED, Actor.APPLICANT)).isTrue();
        assertThat(CONFIRMED.canMove(APPROVED, Actor.OFFICER)).isFalse();
        assertThat(CONFIRMED.canMove(DECLINED, Actor.APPLICANT)).isTrue();
    }

    @Test
    void onlyTheSystemLetsOffersLapse() {
        assertThat(OFFERED.canMove(LAPSED, Actor.SYSTEM)).isTrue();
        assertThat(CONFIRMED.canMove(LAPSED, Actor.SYSTEM)).isTrue();
        assertThat(OFFERED.canMove(LAPSED, Actor.OFFICER)).isFalse();
        assertThat(SUBMITTED.canMove(LAPSED, Actor.SYSTEM)).isFalse();
    }

    @Test
    void finalStatusesGoNowhere() {
        for (ApplicationStatus done : EnumSet.of(REJECTED, WITHDRAWN, DECLINED, LAPSED, ENDED)) {
            assertThat(done.isOpen()).as(done.name()).isFalse();
            for (ApplicationStatus to : ApplicationStatus.values()) {
                for (Actor actor : Actor.values()) {
                    assertThat(done.canMove(to, actor)).as(done + " -> " + to + " by " + actor).isFalse();
                }
            }
        }
    }

    @Test
    void aGrantedBenefitIsDecidedAndEndsByAnOfficerOrWhenItsTermRunsOut() {
        assertThat(APPROVED.isOpen()).isFalse();
        assertThat(APPROVED.canMove(ENDED, Actor.OFFICER)).isTrue();
        assertThat(APPROVED.canMove(ENDED, Actor.SYSTEM)).isTrue();
        assertThat(APPROVED.canMove(ENDED, Actor.APPLICANT)).as("residents ask an officer to end it").isFalse();
        assertThat(APPROVED.canMove(REJECTED, Actor.OFFICER)).isFalse();
        assertThat(SUBMITTED.canMove(ENDED, Actor.OFFICER)).isFalse();
    }

    @Test
    void openStatusesAndTheOnesWhoseDeadlineRuns() {
        assertThat(EnumSet.allOf(ApplicationStatus.class).stream().filter(ApplicationStatus::isOpen))
                .containsExactlyInAnyOrder(SUBMITTED, INFO_REQUESTED, OFFERED, CONFIRMED);
        assertThat(ApplicationStatus.awaitingOfficer()).containsExactlyInAnyOrder(SUBMITTED, OFFERED);
        assertThat(INFO_REQUESTED.awaitsOfficer()).as("the clock stops while the applicant owes information").isFalse();
    }
}
