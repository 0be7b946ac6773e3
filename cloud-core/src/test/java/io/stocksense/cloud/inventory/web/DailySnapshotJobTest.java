package io.stocksense.cloud.inventory.web;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class DailySnapshotJobTest {

    @Test
    void runsFiveMinutesAfterTheNextUtcMidnight() {
        assertThat(DailySnapshotJob.nextRun(Instant.parse("2026-11-23T20:00:00Z"))).isEqualTo(Instant.parse("2026-11-24T00:05:00Z"));
        assertThat(DailySnapshotJob.nextRun(Instant.parse("2026-11-24T00:01:00Z"))).isEqualTo(Instant.parse("2026-11-24T00:05:00Z"));
        assertThat(DailySnapshotJob.nextRun(Instant.parse("2026-11-24T00:05:00Z"))).isEqualTo(Instant.parse("2026-11-25T00:05:00Z"));
    }
}
