package io.stocksense.cloud.purchasing.domain;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The purchase order approval rule: an order whose net total exceeds its currency's threshold needs
 * an approval, and a user may approve it when one of their roles has a limit (per currency) at or
 * above the total; a limit of {@code null} means any amount. Pure; the store reads the tables.
 */
public final class ApprovalPolicy {

    private final BigDecimal threshold;
    /** Role → limit; a present key with a null value is "no limit". */
    private final Map<String, BigDecimal> limits;

    public ApprovalPolicy(BigDecimal threshold, Map<String, BigDecimal> limits) {
        this.threshold = threshold;
        this.limits = limits;
    }

    /** Without a threshold for the currency every order needs an approval. */
    public boolean needsApproval(BigDecimal total) {
        return threshold == null || total.compareTo(threshold) > 0;
    }

    /** Why a user with {@code roles} may not approve {@code total}, or empty when they may. */
    public Optional<String> refusal(Collection<String> roles, BigDecimal total, String currency) {
        BigDecimal best = BigDecimal.ZERO;
        for (String role : roles) {
            if (limits.containsKey(role)) {
                BigDecimal limit = limits.get(role);
                if (limit == null) {
                    return Optional.empty();
                }
                best = best.max(limit);
            }
        }
        if (total.compareTo(best) <= 0 && roles.stream().anyMatch(limits::containsKey)) {
            return Optional.empty();
        }
        return Optional.of("approving " + total.toPlainString() + " " + currency + " needs a role whose approval limit"
                + " covers it (roles with limits: " + limits.keySet().stream().sorted().toList() + "); your roles "
                + roles.stream().sorted().toList() + (best.signum() > 0 ? " allow up to " + best.toPlainString() : " allow none"));
    }

    public BigDecimal threshold() {
        return threshold;
    }
}
