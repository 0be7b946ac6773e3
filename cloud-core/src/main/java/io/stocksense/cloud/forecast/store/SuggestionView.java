package io.stocksense.cloud.forecast.store;

import java.math.BigDecimal;
import java.util.List;

/**
 * A reorder suggestion for one SKU in one warehouse, with the forecast behind it and that forecast's
 * backtest error: reorder point = forecast demand over the lead time + safety stock
 * ({@code 1.65 × backtest RMSE × √lead time}, about 95% service); when the stock position (on hand −
 * reserved + on order) is at or below it, suggest enough to cover the reorder point and one more week.
 */
public record SuggestionView(String sku, String warehouse, String method, List<BigDecimal> parameters, int historyDays,
                             List<BigDecimal> forecastNext7Days, String supplier, int leadTimeDays,
                             BigDecimal demandOverLeadTime, BigDecimal safetyStock, BigDecimal reorderPoint,
                             BigDecimal position, BigDecimal suggestedQuantity, Backtest backtest, List<String> candidates) {

    public record Backtest(int holdoutDays, BigDecimal mase, BigDecimal mape, BigDecimal rmse) {
    }
}
