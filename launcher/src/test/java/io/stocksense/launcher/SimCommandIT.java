package io.stocksense.launcher;

import io.stocksense.cloud.broker.EmbeddedBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code stocksense sim} as a user runs it: the packaged launcher ({@code target/stocksense.jar} and
 * {@code target/lib}) in its own JVM, against an embedded broker. It plays the demo scenario with a
 * progress bar (periodic lines into a pipe, a bar redrawn in place on a terminal made by
 * {@code script}), and validates scenario files.
 */
class SimCommandIT {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    @TempDir
    static Path dir;
    static EmbeddedBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedBroker.start(dir.resolve("broker"), "127.0.0.1", TestPorts.free());
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    record Run(int exit, String out) {
    }

    static List<String> command(String... simArgs) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dstocksense.home=" + ROOT, "-cp", "target/stocksense.jar" + File.pathSeparator + "target/lib/*",
                "io.stocksense.launcher.Main", "sim"));
        cmd.addAll(List.of(simArgs));
        return cmd;
    }

    static Run run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    String mqtt() {
        return "tcp://127.0.0.1:" + broker.port();
    }

    @Test
    void theDemoScenarioPlaysWithProgressLinesAndASummaryWhenNotOnATerminal() throws Exception {
        Run run = run(command("run", "demo", "--mqtt", mqtt(), "--duration", "9s", "--seed", "3"));

        assertThat(run.exit()).as(run.out()).isZero();
        List<Integer> percents = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^\\[[#.]{30}] +(\\d+)%").matcher(run.out());
        while (m.find()) {
            percents.add(Integer.parseInt(m.group(1)));
        }
        System.out.println(run.out());
        assertThat(percents).as(run.out()).hasSizeGreaterThanOrEqualTo(3).isSorted().endsWith(100);
        assertThat(run.out()).doesNotContain("\r").contains("sim: scenario demo on site demo")
                .containsPattern("scenario demo: \\d+ messages")
                .contains("messages per kind:").containsPattern("rfid-portal / zebra-iotc +\\d+")
                .containsPattern("climate-sensor / zigbee2mqtt +\\d+").contains("faults injected:")
                .contains("expected stock change").contains("DOCK-1");
    }

    @Test
    void onATerminalTheBarIsRedrawnInPlace() throws Exception {
        String cmd = String.join(" ", command("run", "busy-dock", "--mqtt", mqtt(), "--duration", "4s").stream()
                .map(a -> "'" + a + "'").toList());
        Run run = run(List.of("/usr/bin/script", "-qec", cmd, "/dev/null"));

        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out()).contains("\r[").contains("\033[K").containsPattern("steps +\\d+ msgs")
                .containsPattern("scenario busy-dock: \\d+ messages");
    }

    @Test
    void validateAcceptsAGoodScenarioFileAndNamesEachProblemOfABadOne() throws Exception {
        Path good = Files.writeString(dir.resolve("good.yaml"), """
                name: good
                steps:
                  - { at: 0s, every: 2s, do: climate, zone: COLD }
                  - { at: 5s, do: receive, device: portal-dock1, cases: 3 }
                """);
        Path bad = Files.writeString(dir.resolve("bad.yaml"), """
                name: bad
                steps:
                  - { at: 0s, do: receive, device: portal-9 }
                  - { at: soon, do: pick, device: shelf-a1, items: 2 }
                """);
        Run ok = run(command("validate", good.toString()));
        assertThat(ok.exit()).as(ok.out()).isZero();
        assertThat(ok.out()).contains("valid scenario 'good', 2 steps (4 runs)").contains("fits site demo");

        Run broken = run(command("validate", bad.toString()));
        assertThat(broken.exit()).isEqualTo(2);
        assertThat(broken.out()).contains("bad.yaml:4: steps[1].at: 'soon' is not a duration");

        Path misfit = Files.writeString(dir.resolve("misfit.yaml"), "name: misfit\nsteps:\n  - { at: 0s, do: receive, device: portal-9 }\n");
        Run unfit = run(command("validate", misfit.toString()));
        assertThat(unfit.exit()).isEqualTo(2);
        assertThat(unfit.out()).contains("misfit.yaml:3: steps[0].device: site demo has no device 'portal-9'");

        Run list = run(command("list"));
        assertThat(list.out()).contains("demo").contains("busy-dock").contains("cold-chain-failure").contains("unreliable-devices");
    }
}
