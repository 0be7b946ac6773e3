package io.stocksense.cloud;

import io.stocksense.cloud.broker.EmbeddedBroker;
import io.stocksense.cloud.ingest.BatchProcessor;
import io.stocksense.cloud.ingest.GatewayStateStore;
import io.stocksense.cloud.ingest.IngestMetrics;
import io.stocksense.cloud.ingest.LiveListener;
import io.stocksense.cloud.ingest.MqttIngest;
import io.stocksense.protocol.Topics;
import io.stocksense.protocol.event.MovementType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With PostgreSQL unreachable, a batch is not committed and therefore NOT acked (the gateway keeps
 * it in its outbox and resends), and ingest keeps consuming instead of crashing.
 */
class IngestDatabaseDownIT {

    @TempDir
    Path dir;

    @Test
    void aBatchThatCannotBeCommittedIsNotAcked() throws Exception {
        PGSimpleDataSource deadDb = new PGSimpleDataSource();
        deadDb.setURL("jdbc:postgresql://127.0.0.1:" + Ports.freePort("127.0.0.1") + "/postgres?user=postgres");
        deadDb.setConnectTimeout(2);
        IngestMetrics metrics = new IngestMetrics();
        try (EmbeddedBroker broker = EmbeddedBroker.start(dir.resolve("broker"), "127.0.0.1", 0)) {
            String url = "tcp://127.0.0.1:" + broker.port();
            try (MqttIngest ingest = MqttIngest.start(url, new BatchProcessor(deadDb, metrics, LiveListener.NONE),
                    new GatewayStateStore(deadDb), metrics);
                 TestGateway gateway = new TestGateway(url)) {
                long seq = TestGateway.nextSeq();
                gateway.publish(Topics.Channel.MOVEMENTS, TestGateway.batch(seq,
                        TestGateway.movement(MovementType.RECEIPT, "DOCK-1", "INS-PEN-10", "1", "CS")));
                long seq2 = TestGateway.nextSeq();
                gateway.publish(Topics.Channel.MOVEMENTS, TestGateway.batch(seq2,
                        TestGateway.movement(MovementType.RECEIPT, "DOCK-1", "INS-PEN-10", "1", "CS")));

                await().atMost(Duration.ofSeconds(30)).until(() -> metrics.batchesFailed() == 2);
                assertThat(metrics.batchesReceived()).isEqualTo(2);
                assertThat(metrics.eventsAccepted()).isZero();
                assertThat(gateway.hasAck(seq)).isFalse();
                assertThat(gateway.hasAck(seq2)).isFalse();
                assertThat(ingest.isConnected()).isTrue();
            }
        }
    }
}
