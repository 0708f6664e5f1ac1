package cn.qujiang.youth.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestPathsTest {

    @Test
    void namesThePathTheServiceWillRead() {
        assertThat(RequestPaths.normalised("/%61pi/policy/evaluate")).hasValue("/api/policy/evaluate");
        assertThat(RequestPaths.normalised("/api//policy/./evaluate")).hasValue("/api/policy/evaluate");
        assertThat(RequestPaths.normalised("/api/policy/evaluate;jsessionid=1/")).hasValue("/api/policy/evaluate");
        assertThat(RequestPaths.normalised("/api/talent/../policy/evaluate")).hasValue("/api/policy/evaluate");
        assertThat(RequestPaths.normalised("/api/policy/measures/%E9%9D%92")).hasValue("/api/policy/measures/青");
        assertThat(RequestPaths.normalised("/")).hasValue("/");
    }

    @Test
    void refusesWhatDoesNotDecode() {
        assertThat(RequestPaths.normalised("/api/%zz")).isEmpty();
        assertThat(RequestPaths.normalised("/api/%4")).isEmpty();
        assertThat(RequestPaths.normalised("/api/%C3%28")).isEmpty();
        assertThat(RequestPaths.normalised("/api/%ED%A0%80")).isEmpty();
        assertThat(RequestPaths.normalised("/api/\u00ff")).isEmpty();
        assertThat(RequestPaths.normalised("/api/a b")).isEmpty();
    }
}
