package cn.qujiang.youth.talent.matches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.qujiang.youth.contracts.MatchesEvaluated;
import cn.qujiang.youth.contracts.MatchesEvaluated.Trigger;
import cn.qujiang.youth.talent.matches.MatchReadModel.Evaluation;
import cn.qujiang.youth.talent.profile.ProfileService;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The status resource on its own: what it says before and after an evaluation, its ETag and the 304. */
class MatchStatusControllerTest {
    private static final Instant EVALUATED = Instant.parse("2026-03-02T08:00:00.123Z");
    private static final String PATH = "/api/talent/me/matches/status";

    private final MatchReadModel matches = mock(MatchReadModel.class);
    private final ProfileService profiles = mock(ProfileService.class);
    private final ResultWaits waits = new ResultWaits(new SimpleMeterRegistry());
    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.standaloneSetup(new MatchStatusController(matches, profiles, waits)).build();
    }

    private static MockHttpServletRequestBuilder asApplicant(String subject) {
        Jwt jwt = Jwt.withTokenValue("token").header("alg", "none").subject(subject).build();
        return get(PATH).principal(new JwtAuthenticationToken(jwt));
    }

    private void given(String applicantId, Long profileVersion, Evaluation evaluation) {
        when(profiles.liveVersion(applicantId))
                .thenReturn(profileVersion == null ? OptionalLong.empty() : OptionalLong.of(profileVersion));
        when(matches.evaluation(applicantId)).thenReturn(Optional.ofNullable(evaluation));
    }

    @Test
    void withoutAProfileNothingIsCurrent() throws Exception {
        given("a1", null, null);
        mvc.perform(asApplicant("a1")).andExpect(status().isOk())
                .andExpect(jsonPath("$.profileVersion").doesNotExist())
                .andExpect(jsonPath("$.evaluatedProfileVersion").doesNotExist())
                .andExpect(jsonPath("$.current").value(false))
                .andExpect(header().string("ETag", "\"0-0-0\""));
    }

    @Test
    void aSavedProfileIsBehindUntilItsVersionIsEvaluated() throws Exception {
        given("a1", 2L, new Evaluation(1, EVALUATED, EVALUATED.plusMillis(40)));
        mvc.perform(asApplicant("a1")).andExpect(status().isOk())
                .andExpect(jsonPath("$.profileVersion").value(2))
                .andExpect(jsonPath("$.evaluatedProfileVersion").value(1))
                .andExpect(jsonPath("$.current").value(false))
                .andExpect(header().string("ETag", "\"2-1-" + EVALUATED.toEpochMilli() + "\""));

        given("a1", 2L, new Evaluation(2, EVALUATED.plusSeconds(5), EVALUATED.plusSeconds(5).plusMillis(40)));
        mvc.perform(asApplicant("a1")).andExpect(status().isOk())
                .andExpect(jsonPath("$.evaluatedProfileVersion").value(2))
                .andExpect(jsonPath("$.current").value(true))
                .andExpect(jsonPath("$.evaluatedAt").value("2026-03-02T08:00:05.123Z"))
                .andExpect(jsonPath("$.storedAt").value("2026-03-02T08:00:05.163Z"))
                .andExpect(header().string("Cache-Control", "no-cache, private"));
    }

    @Test
    void anUnchangedEtagIsAnswered304WithoutABodyAndAChangedOneWithTheNewStatus() throws Exception {
        given("a1", 2L, new Evaluation(1, EVALUATED, EVALUATED.plusMillis(40)));
        String etag = mvc.perform(asApplicant("a1")).andReturn().getResponse().getHeader("ETag");

        mvc.perform(asApplicant("a1").header("If-None-Match", etag)).andExpect(status().isNotModified())
                .andExpect(content().string(""))
                .andExpect(header().string("ETag", etag))
                .andExpect(header().string("Cache-Control", "no-cache, private"));

        given("a1", 2L, new Evaluation(2, EVALUATED.plusSeconds(5), EVALUATED.plusSeconds(5).plusMillis(40)));
        mvc.perform(asApplicant("a1").header("If-None-Match", etag)).andExpect(status().isOk())
                .andExpect(jsonPath("$.current").value(true));
    }

    @Test
    void aWaitForResultsOfTheSavedVersionIsAnsweredWhenThoseAreTakenNotBefore() throws Exception {
        given("a1", 2L, new Evaluation(1, EVALUATED, EVALUATED.plusMillis(40)));
        MvcResult waiting = mvc.perform(waitingFor("a1", 2)).andExpect(request().asyncStarted()).andReturn();

        waits.on(applied("a1", 1));
        waits.on(applied("a2", 2));
        assertThatThrownBy(() -> waiting.getAsyncResult(0)).as("results of an older version, and another applicant's")
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not set");
        assertThat(waits.waiting()).isEqualTo(1);

        waits.on(applied("a1", 2));
        mvc.perform(asyncDispatch(waiting)).andExpect(status().isOk())
                .andExpect(jsonPath("$.profileVersion").value(2))
                .andExpect(jsonPath("$.evaluatedProfileVersion").value(2))
                .andExpect(jsonPath("$.current").value(true))
                .andExpect(jsonPath("$.storedAt").value("2026-03-02T08:00:02.163Z"))
                .andExpect(header().string("ETag", "\"2-2-" + EVALUATED.plusSeconds(2).toEpochMilli() + "\""));
        assertThat(waits.waiting()).isZero();
        // answered with what the listener read and stored: the status was read once, before waiting
        verify(profiles).liveVersion("a1");
        verify(matches).evaluation("a1");
        verifyNoMoreInteractions(profiles, matches);
    }

    @Test
    void nothingToWaitForIsAnsweredAtOnce() throws Exception {
        given("a1", 3L, new Evaluation(3, EVALUATED, EVALUATED.plusMillis(40)));
        assertAnsweredAtOnce(mvc.perform(waitingFor("a1", 2)).andReturn(), true);
        given("a1", 1L, new Evaluation(1, EVALUATED, EVALUATED.plusMillis(40)));
        assertAnsweredAtOnce(mvc.perform(waitingFor("a1", 2)).andReturn(), true);
        given("a1", null, null);
        assertAnsweredAtOnce(mvc.perform(waitingFor("a1", 1)).andReturn(), false);
        assertThat(waits.waiting()).isZero();
    }

    private void assertAnsweredAtOnce(MvcResult result, boolean current) throws Exception {
        mvc.perform(asyncDispatch(result)).andExpect(status().isOk()).andExpect(jsonPath("$.current").value(current));
    }

    private static MockHttpServletRequestBuilder waitingFor(String subject, long version) {
        return asApplicant(subject).param("version", Long.toString(version)).param("waitSeconds", "20");
    }

    /** Results of {@code version} taken while the profile was at that version, as the listener stores them. */
    private static MatchesApplied applied(String applicantId, long version) {
        Instant evaluatedAt = EVALUATED.plusSeconds(version);
        return new MatchesApplied(new MatchesEvaluated(applicantId, version, LocalDate.of(2026, 3, 2), evaluatedAt,
                Trigger.PROFILE_CHANGED, List.of(), List.of(), List.of()), null, version,
                new Evaluation(version, evaluatedAt, evaluatedAt.plusMillis(40)));
    }

    @Test
    void theStatusIsAlwaysTheCallersOwn() throws Exception {
        given("a2", 1L, null);
        mvc.perform(asApplicant("a2")).andExpect(status().isOk())
                .andExpect(jsonPath("$.profileVersion").value(1))
                .andExpect(jsonPath("$.current").value(false));
        verify(profiles).liveVersion("a2");
        verify(matches).evaluation("a2");
        verifyNoMoreInteractions(profiles, matches);
    }
}
