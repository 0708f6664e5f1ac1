package cn.qujiang.youth.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StackConfigTest {
    private final Path repo = Path.of("/repo");

    @Test
    void defaultsToTheDocumentedPortsAndADataFolderInTheRepository() {
        StackConfig config = StackConfig.fromArgs(new String[0], repo);

        assertThat(config.gatewayPort()).isEqualTo(8080);
        assertThat(config.keycloakPort()).isEqualTo(8180);
        assertThat(config.mobileAppOrigin()).isEqualTo("http://localhost:5173");
        assertThat(config.consoleOrigin()).isEqualTo("http://localhost:5174");
        assertThat(config.dataDir()).isEqualTo(Path.of("/repo/.local-stack"));
    }

    @Test
    void portsAndDataDirectoryCanBeChosen() {
        StackConfig config = StackConfig.fromArgs(new String[] {"--gateway-port=9080", "--data-dir=/tmp/qj",
                "--web-port=6173", "--console-port=6174"}, repo);

        assertThat(config.gatewayPort()).isEqualTo(9080);
        assertThat(config.mobileAppOrigin()).isEqualTo("http://localhost:6173");
        assertThat(config.consoleOrigin()).isEqualTo("http://localhost:6174");
        assertThat(config.dataDir()).isEqualTo(Path.of("/tmp/qj"));
    }

    @Test
    void aTypoIsAClearOneLineError() {
        assertThatThrownBy(() -> StackConfig.fromArgs(new String[] {"--gatway-port=9080"}, repo))
                .hasMessage("unknown option --gatway-port");
        assertThatThrownBy(() -> StackConfig.fromArgs(new String[] {"--gateway-port=http"}, repo))
                .hasMessage("--gateway-port must be a port number, not http");
    }
}
