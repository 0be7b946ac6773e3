package io.stocksense.cloud.webhooks;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookSignatureTest {

    @Test
    void signsTimestampDotBodyWithHmacSha256() {
        // HMAC-SHA256(key "secret", "1700000000.{}"), computed independently:
        // printf '1700000000.{}' | openssl dgst -sha256 -hmac secret
        String header = WebhookSignature.header("secret", 1_700_000_000L, "{}");
        assertThat(header).isEqualTo("t=1700000000,v1=b8569b78799ff9e3cbff0fc2d63a33a2b57f3282abd07c37ae5e8e7d79a5f163");
        assertThat(WebhookSignature.verify("secret", header, "{}")).isTrue();
    }

    @Test
    void rejectsAnyChange() {
        String header = WebhookSignature.header("secret", 1_700_000_000L, "{\"a\":1}");
        assertThat(WebhookSignature.verify("secret", header, "{\"a\":2}")).isFalse();
        assertThat(WebhookSignature.verify("other", header, "{\"a\":1}")).isFalse();
        assertThat(WebhookSignature.verify("secret", header.replace("t=1700000000", "t=1700000001"), "{\"a\":1}")).isFalse();
        assertThat(WebhookSignature.verify("secret", null, "{}")).isFalse();
        assertThat(WebhookSignature.verify("secret", "garbage", "{}")).isFalse();
        assertThat(WebhookSignature.verify("secret", "t=1,v1=zz", "{}")).isFalse();
    }

    @Test
    void backoffDoublesUpToTheCap() {
        RetryPolicy p = new RetryPolicy(Duration.ofSeconds(10), Duration.ofSeconds(60), 5, Duration.ofSeconds(5));
        assertThat(p.baseDelay(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(p.baseDelay(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(p.baseDelay(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(p.baseDelay(4)).isEqualTo(Duration.ofSeconds(60));
        assertThat(p.baseDelay(40)).isEqualTo(Duration.ofSeconds(60));
        assertThat(p.delay(2, 1.0)).isEqualTo(Duration.ofSeconds(22));
        assertThat(p.delay(2, 0.0)).isEqualTo(Duration.ofSeconds(20));
        assertThat(p.retries(4)).isTrue();
        assertThat(p.retries(5)).isFalse();
    }

    @Test
    void policyFromEnvironmentNamesTheBadVariable() {
        RetryPolicy p = RetryPolicy.from(Map.of("STOCKSENSE_WEBHOOK_RETRY_INITIAL", "PT2S", "STOCKSENSE_WEBHOOK_MAX_ATTEMPTS", "3")::get);
        assertThat(p.initialDelay()).isEqualTo(Duration.ofSeconds(2));
        assertThat(p.maxAttempts()).isEqualTo(3);
        assertThat(p.maxDelay()).isEqualTo(RetryPolicy.DEFAULT.maxDelay());
        assertThatThrownBy(() -> RetryPolicy.from(Map.of("STOCKSENSE_WEBHOOK_RETRY_MAX", "10 minutes")::get))
                .hasMessageContaining("STOCKSENSE_WEBHOOK_RETRY_MAX");
        assertThatThrownBy(() -> new RetryPolicy(Duration.ZERO, Duration.ofSeconds(1), 1, Duration.ofSeconds(1)))
                .hasMessageContaining("initial delay");
    }
}
