package io.stocksense.edge;

import io.stocksense.config.Device;
import io.stocksense.config.DeviceFamily;
import io.stocksense.config.Transport;
import io.stocksense.protocol.event.DeviceEvent;
import io.stocksense.protocol.event.GatewayEvent;
import io.stocksense.sim.serial.IndicatorContinuousSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A weighing indicator streaming its continuous output ({@code ST,GS,+  4.876kg}) on a real pty (socat)
 * into the real gateway: stable weights become {@code scale-weight} events, unstable ones nothing, and
 * a line of noise is a decode error, not a weight.
 */
class IndicatorScaleIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private TestBroker broker;
    private FakeCloud cloud;
    private SocatPty cable;
    private IndicatorContinuousSimulator indicator;
    private EdgeGateway gateway;

    @BeforeEach
    void start() throws Exception {
        broker = TestBroker.start(dir.resolve("broker"));
        cloud = new FakeCloud(broker.url(), true);
        cable = new SocatPty(dir.resolve("ind-gw"), dir.resolve("ind-dev"), dir.resolve("socat.log")).start();
    }

    @AfterEach
    void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        if (indicator != null) {
            indicator.close();
        }
        cable.close();
        cloud.close();
        broker.close();
    }

    @Test
    void stableWeightsOfTheIndicatorBecomeScaleEventsAndNoiseIsRejected() throws Exception {
        indicator = new IndicatorContinuousSimulator(cable.deviceSide(), Duration.ofMillis(100));
        indicator.setWeightGrams(new BigDecimal("4876"));
        indicator.setStable(true);
        indicator.start();
        Device scale = new Device("dock-scale", "gw-1", DeviceFamily.SCALE, Transport.SERIAL, cable.gatewaySide().toString(),
                "indicator-continuous", "WH1", "DOCK-1", null, null, null, Map.of("mode", "continuous", "framing", "crlf"));
        gateway = EdgeGateway.start(new GatewayConfig(TestSites.small(List.of(scale)), "gw-1", broker.url(), broker.url(),
                dir.resolve("data"), 0, Duration.ofSeconds(5)));

        await().atMost(WAIT).until(() -> weights().contains("4876.000"));
        indicator.setStable(false);
        indicator.setWeightGrams(new BigDecimal("9100"));      // swinging on the hook: no event
        Thread.sleep(800);
        indicator.sendGarbage(new byte[]{'S', 'T', ',', (byte) 0xfe, '\r', '\n'});
        indicator.setWeightGrams(new BigDecimal("12345"));
        indicator.setStable(true);

        await().atMost(WAIT).until(() -> weights().contains("12345.000"));
        assertThat(weights()).containsExactly("4876.000", "12345.000");
        await().atMost(WAIT).until(() -> gateway.outboxDepth() == 0);
        String metrics = new String(java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + gateway.httpPort() + "/metrics")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body());
        assertThat(metrics).contains("stocksense_edge_decode_errors_total{device=\"dock-scale\"} 1\n");
    }

    private List<String> weights() {
        return cloud.allEvents().stream().filter(e -> e.deviceId().equals("dock-scale")).map(e -> (DeviceEvent) e)
                .sorted(java.util.Comparator.comparingLong(GatewayEvent::deviceSeq))
                .filter(e -> e.kind().equals("scale-weight")).map(e -> e.attributes().get("grams")).toList();
    }
}
