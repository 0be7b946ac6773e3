package io.stocksense.cloud;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CloudMainTest {

    @Test
    void siteArgumentsAddToTheEnvironmentsSites() {
        assertThat(CloudMain.siteFiles(List.of(Path.of("env.yaml")), new String[] {"--site", "a.yaml", "--site=b.yaml"}))
                .containsExactly(Path.of("env.yaml"), Path.of("a.yaml"), Path.of("b.yaml"));
    }

    @Test
    void unknownArgumentsAreRefusedWithTheUsage() {
        assertThatThrownBy(() -> CloudMain.siteFiles(List.of(), new String[] {"--port", "1"}))
                .hasMessageContaining("--port").hasMessageContaining("usage");
    }
}
