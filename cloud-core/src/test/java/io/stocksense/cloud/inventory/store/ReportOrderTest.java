package io.stocksense.cloud.inventory.store;

import io.stocksense.cloud.inventory.api.StockLevelView;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportOrderTest {

    @Test
    void ordersByWarehouseLocationSkuLotInByteOrder() {
        List<StockLevelView> levels = new ArrayList<>(List.of(
                level("WH2", "A1", "X", null),
                level("WH1", "a1", "X", null),
                level("WH1", "A1", "X", "L2"),
                level("WH1", "A1", "X", null),
                level("WH1", "A-1", "X", null),
                level("WH1", "A1", "W", "L1")));
        levels.sort(AsOfLevels.REPORT_ORDER);
        // '-' (0x2D) < '1' (0x31) < 'A' (0x41) < 'a' (0x61), as COLLATE "C" sorts; no lot before a lot.
        assertThat(levels).extracting(v -> v.warehouse() + "/" + v.location() + "/" + v.sku() + "/" + v.lot())
                .containsExactly("WH1/A-1/X/null", "WH1/A1/W/L1", "WH1/A1/X/null", "WH1/A1/X/L2", "WH1/a1/X/null",
                        "WH2/A1/X/null");
    }

    @Test
    void comparesByCodePointNotByUtf16Unit() {
        // U+1F4E6 is a surrogate pair (0xD83D ...) in UTF-16, below U+FFFD there, but above it by code point and in UTF-8.
        assertThat(AsOfLevels.byCodePoint("\uD83D\uDCE6", "\uFFFD")).isPositive();
        assertThat(AsOfLevels.byCodePoint("SKU1", "SKU10")).isNegative();
        assertThat(AsOfLevels.byCodePoint("SKU1", "SKU1")).isZero();
    }

    private static StockLevelView level(String wh, String loc, String sku, String lot) {
        return new StockLevelView(sku, wh, loc, lot, BigDecimal.ONE, "EA");
    }
}
