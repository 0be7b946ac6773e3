package io.stocksense.edge;

import com.hivemq.embedded.EmbeddedHiveMQ;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real embedded HiveMQ CE on a free loopback port. A restart builds a fresh instance on the same
 * port and data folder (one instance cannot be started twice: its metric registry already holds its
 * metrics).
 */
final class TestBroker implements AutoCloseable {

    private final Path dir;
    private final int port;
    private EmbeddedHiveMQ hivemq;

    private TestBroker(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    static TestBroker start(Path dir) throws Exception {
        int port = freePort();
        Path conf = Files.createDirectories(dir.resolve("conf"));
        Files.createDirectories(dir.resolve("data"));
        Files.createDirectories(dir.resolve("extensions"));
        Files.writeString(conf.resolve("config.xml"), """
                <?xml version="1.0"?>
                <hivemq>
                  <listeners><tcp-listener><port>%d</port><bind-address>127.0.0.1</bind-address></tcp-listener></listeners>
                  <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
                </hivemq>
                """.formatted(port));
        TestBroker broker = new TestBroker(dir, port);
        broker.restart();
        return broker;
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    void stop() throws Exception {
        if (hivemq != null) {
            hivemq.stop().get(30, TimeUnit.SECONDS);
            hivemq.close();
            hivemq = null;
        }
    }

    void restart() throws Exception {
        hivemq = EmbeddedHiveMQ.builder().withConfigurationFolder(dir.resolve("conf")).withDataFolder(dir.resolve("data"))
                .withExtensionsFolder(dir.resolve("extensions")).build();
        hivemq.start().get(60, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
