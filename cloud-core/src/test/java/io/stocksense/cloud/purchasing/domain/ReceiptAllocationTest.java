package io.stocksense.cloud.purchasing.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReceiptAllocationTest {

    private static ReceiptAllocation.OpenLine line(long po, String ordered, String received, String tolerance) {
        return new ReceiptAllocation.OpenLine(po, 1, new BigDecimal(ordered), new BigDecimal(received), new BigDecimal(tolerance));
    }

    @Test
    void fillsTheOldestOrderFirstThenTheNextAndFlagsWhatNoLineTakes() {
        ReceiptAllocation.Result r = ReceiptAllocation.allocate(List.of(line(1, "10", "4", "0"), line(2, "5", "0", "0")),
                new BigDecimal("13"));
        assertThat(r.shares()).extracting(s -> s.line().poId(), s -> s.quantity().intValue())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, 6), org.assertj.core.groups.Tuple.tuple(2L, 5));
        assertThat(r.excess()).isEqualByComparingTo("2");
    }

    @Test
    void completesEveryOrderBeforeOverDeliveringWithinTolerance() {
        ReceiptAllocation.Result r = ReceiptAllocation.allocate(List.of(line(1, "100", "0", "5"), line(2, "10", "0", "0")),
                new BigDecimal("114"));
        assertThat(r.shares()).extracting(s -> s.quantity().intValue()).containsExactly(104, 10);
        assertThat(r.excess()).isEqualByComparingTo("0");
    }

    @Test
    void nothingOpenMeansEverythingIsExcess() {
        ReceiptAllocation.Result r = ReceiptAllocation.allocate(List.of(), new BigDecimal("3"));
        assertThat(r.shares()).isEmpty();
        assertThat(r.excess()).isEqualByComparingTo("3");
    }

    @Test
    void aLineIsCompleteFromOrderedLessTheTolerance() {
        assertThat(ReceiptAllocation.OpenLine.complete(new BigDecimal("100"), new BigDecimal("95"), new BigDecimal("5"))).isTrue();
        assertThat(ReceiptAllocation.OpenLine.complete(new BigDecimal("100"), new BigDecimal("94.999"), new BigDecimal("5"))).isFalse();
    }
}
