package io.stocksense.cloud.forecast.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DemandForecasterTest {

    static final double[] WEEK = {10, 12, 11, 13, 20, 30, 5};

    /** Eight weeks of a weekly pattern with a small deterministic wobble. */
    static double[] seasonal() {
        double[] y = new double[56];
        for (int i = 0; i < y.length; i++) {
            y[i] = WEEK[i % 7] + ((i * 7919) % 5 - 2) * 0.5;
        }
        return y;
    }

    @Test
    void aWeeklyPatternIsForecastByHoltWintersAndBeatsTheSeasonalNaive() {
        DemandForecaster.Result r = DemandForecaster.forecast(seasonal(), 7);
        assertThat(r.method()).isEqualTo("holt-winters");
        assertThat(r.candidates()).hasSize(2);
        // day 56 is day 0 of the pattern again: 10, 12, 11, 13, 20, 30, 5
        for (int d = 0; d < 7; d++) {
            assertThat(r.forecast()[d]).as("day %d", d).isCloseTo(WEEK[d], within(1.5));
        }
        assertThat(r.backtest().holdout()).isEqualTo(7);
        assertThat(r.backtest().mase()).isLessThan(1.0);
        assertThat(r.backtest().mape()).isNotNull().isLessThan(15.0);
    }

    @Test
    void intermittentDemandIsAlsoTriedWithCroston() {
        double[] y = new double[42];
        for (int i = 0; i < y.length; i++) {
            y[i] = i % 6 == 0 ? 6 : 0; // one order of 6 every 6 days: 1 a day on average
        }
        DemandForecaster.Result r = DemandForecaster.forecast(y, 7);
        assertThat(r.candidates()).anySatisfy(c -> assertThat(c).startsWith("croston"));
        DemandModels.Fit croston = DemandModels.croston(y, 3);
        // size 6 every 6 days, SBA-corrected: (1 − α/2) · 6 / 6 once the smoothed interval (started at 1) reached 6
        assertThat(croston.forecast()[0]).isCloseTo(1 - croston.parameters()[0] / 2, within(1e-3));
    }

    @Test
    void backtestErrorsAreMaseMapeAndRmse() {
        DemandForecaster.Backtest b = DemandForecaster.score(new double[] {1, 2}, new double[] {2, 2}, 0.5);
        assertThat(b.mase()).isCloseTo(1.0, within(1e-12));   // MAE 0.5 over naive error 0.5
        assertThat(b.mape()).isCloseTo(25.0, within(1e-12));  // (50% + 0%) / 2
        assertThat(b.rmse()).isCloseTo(Math.sqrt(0.5), within(1e-12));
        assertThat(DemandForecaster.score(new double[] {1}, new double[] {0}, 1).mape()).isNull();
        assertThat(DemandForecaster.naiveError(new double[] {1, 3, 2, 6}, 1)).isCloseTo(7.0 / 3, within(1e-12));
    }
}
