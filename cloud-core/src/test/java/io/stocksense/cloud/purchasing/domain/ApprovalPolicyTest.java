package io.stocksense.cloud.purchasing.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ApprovalPolicyTest {

    private static ApprovalPolicy policy() {
        Map<String, BigDecimal> limits = new HashMap<>();
        limits.put("admin", null);
        limits.put("supervisor", new BigDecimal("25000"));
        limits.put("purchaser", new BigDecimal("1000"));
        return new ApprovalPolicy(new BigDecimal("1000"), limits);
    }

    @Test
    void onlyTotalsAboveTheThresholdNeedApproval() {
        assertThat(policy().needsApproval(new BigDecimal("1000.00"))).isFalse();
        assertThat(policy().needsApproval(new BigDecimal("1000.01"))).isTrue();
        assertThat(new ApprovalPolicy(null, Map.of()).needsApproval(BigDecimal.ONE)).isTrue();
    }

    @Test
    void theBestLimitOfTheUsersRolesDecides() {
        BigDecimal total = new BigDecimal("5000");
        assertThat(policy().refusal(Set.of("purchaser"), total, "EUR")).get().asString().contains("allow up to 1000");
        assertThat(policy().refusal(Set.of("purchaser", "supervisor"), total, "EUR")).isEmpty();
        assertThat(policy().refusal(Set.of("supervisor"), new BigDecimal("25000.01"), "EUR")).isPresent();
        assertThat(policy().refusal(Set.of("admin"), new BigDecimal("1e9"), "EUR")).isEmpty();
        assertThat(policy().refusal(Set.of(), BigDecimal.ONE, "EUR")).get().asString().contains("allow none");
    }
}
