package io.stocksense.cloud.forecast.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Chooses a model for one SKU's daily demand and measures it: the last {@code holdout} days are kept
 * out, each applicable model (exponential smoothing; Holt-Winters with a weekly season when there are
 * two weeks before the holdout; Croston when at least 30% of the days had no demand) is fitted on the
 * rest and scored on the holdout by MASE (mean absolute error over the in-sample error of the naive
 * forecast, seasonal naive when a season applies), with MAPE over the non-zero days and the RMSE.
 * The best by MASE is refitted on the whole history for the forecast. Pure.
 */
public final class DemandForecaster {

    public static final int SEASON = 7;

    /** Backtest error of the chosen method on the holdout. {@code mape} is null when every holdout day was zero. */
    public record Backtest(int holdout, double mase, Double mape, double rmse) {
    }

    public record Result(String method, double[] parameters, double[] forecast, Backtest backtest, List<String> candidates) {
    }

    private DemandForecaster() {
    }

    public static Result forecast(double[] history, int horizon) {
        if (history.length < 8) {
            throw new IllegalArgumentException("a forecast needs at least 8 days of history, has " + history.length);
        }
        int holdout = Math.max(1, Math.min(SEASON, history.length / 4));
        double[] train = Arrays.copyOf(history, history.length - holdout);
        double[] test = Arrays.copyOfRange(history, history.length - holdout, history.length);
        boolean seasonal = train.length >= 2 * SEASON;
        boolean intermittent = Arrays.stream(history).filter(v -> v == 0).count() >= 0.3 * history.length;
        double scale = naiveError(train, seasonal ? SEASON : 1);
        List<String> candidates = new ArrayList<>();
        String bestMethod = null;
        Backtest best = null;
        for (String method : List.of("exponential-smoothing", "holt-winters", "croston")) {
            if ((method.equals("holt-winters") && !seasonal) || (method.equals("croston") && !intermittent)) {
                continue;
            }
            Backtest b = score(fit(method, train, holdout).forecast(), test, scale);
            candidates.add(method + " MASE " + String.format("%.3f", b.mase()));
            if (best == null || b.mase() < best.mase()) {
                best = b;
                bestMethod = method;
            }
        }
        DemandModels.Fit fit = fit(bestMethod, history, horizon);
        return new Result(bestMethod, fit.parameters(), fit.forecast(), best, candidates);
    }

    private static DemandModels.Fit fit(String method, double[] y, int horizon) {
        switch (method) {
            case "holt-winters":
                return DemandModels.holtWinters(y, SEASON, horizon);
            case "croston":
                return DemandModels.croston(y, horizon);
            default:
                return DemandModels.ses(y, horizon);
        }
    }

    static Backtest score(double[] predicted, double[] actual, double scale) {
        double abs = 0;
        double sq = 0;
        double pct = 0;
        int nonZero = 0;
        for (int i = 0; i < actual.length; i++) {
            double e = actual[i] - predicted[i];
            abs += Math.abs(e);
            sq += e * e;
            if (actual[i] != 0) {
                pct += Math.abs(e / actual[i]);
                nonZero++;
            }
        }
        double mae = abs / actual.length;
        return new Backtest(actual.length, scale == 0 ? (mae == 0 ? 0 : Double.POSITIVE_INFINITY) : mae / scale,
                nonZero == 0 ? null : 100 * pct / nonZero, Math.sqrt(sq / actual.length));
    }

    /** Mean absolute error of the (seasonal) naive forecast in the sample: the MASE scale. */
    static double naiveError(double[] y, int lag) {
        double sum = 0;
        for (int t = lag; t < y.length; t++) {
            sum += Math.abs(y[t] - y[t - lag]);
        }
        return y.length > lag ? sum / (y.length - lag) : 0;
    }
}
