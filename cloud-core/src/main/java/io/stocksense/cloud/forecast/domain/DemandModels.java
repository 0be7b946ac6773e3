package io.stocksense.cloud.forecast.domain;

/**
 * Demand forecasting models over equally spaced periods (days). Pure and deterministic; a forecast is
 * a statistical estimate, so it is computed in {@code double} and rounded when it becomes a quantity.
 *
 * <ul>
 * <li>Simple exponential smoothing: a level, forecast flat.</li>
 * <li>Holt-Winters, additive seasonality with a damped-free trend, for a weekly pattern in daily data.</li>
 * <li>Croston with the Syntetos-Boylan correction, for intermittent demand (many zero periods): sizes
 *     and intervals smoothed separately, forecast {@code (1 − α/2) · size / interval}.</li>
 * </ul>
 * Parameters are chosen by a grid search minimising the one-step-ahead squared error in the sample.
 */
public final class DemandModels {

    private static final double[] GRID = {0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9};

    private DemandModels() {
    }

    /** A fitted model: its name, parameters and the next {@code horizon} forecasts. */
    public record Fit(String method, double[] parameters, double[] forecast, double sse) {
    }

    public static Fit ses(double[] y, int horizon) {
        Fit best = null;
        for (double a : GRID) {
            double level = y[0];
            double sse = 0;
            for (int t = 1; t < y.length; t++) {
                double e = y[t] - level;
                sse += e * e;
                level += a * e;
            }
            if (best == null || sse < best.sse()) {
                best = new Fit("exponential-smoothing", new double[] {a}, flat(level, horizon), sse);
            }
        }
        return best;
    }

    /** Holt-Winters additive; needs at least two full seasons. */
    public static Fit holtWinters(double[] y, int m, int horizon) {
        if (y.length < 2 * m) {
            throw new IllegalArgumentException("Holt-Winters needs two seasons of " + m + " periods, has " + y.length);
        }
        Fit best = null;
        for (double a : GRID) {
            for (double b : new double[] {0.0, 0.05, 0.1, 0.2}) {
                for (double g : GRID) {
                    Fit f = holtWinters(y, m, horizon, a, b, g);
                    if (best == null || f.sse() < best.sse()) {
                        best = f;
                    }
                }
            }
        }
        return best;
    }

    static Fit holtWinters(double[] y, int m, int horizon, double a, double b, double g) {
        double level = 0;
        double level2 = 0;
        for (int i = 0; i < m; i++) {
            level += y[i] / m;
            level2 += y[m + i] / m;
        }
        double trend = (level2 - level) / m;
        double[] season = new double[m];
        for (int i = 0; i < m; i++) {
            season[i] = y[i] - level;
        }
        double sse = 0;
        for (int t = m; t < y.length; t++) {
            int s = t % m;
            double predicted = level + trend + season[s];
            double e = y[t] - predicted;
            sse += e * e;
            double previous = level;
            level = a * (y[t] - season[s]) + (1 - a) * (level + trend);
            trend = b * (level - previous) + (1 - b) * trend;
            season[s] = g * (y[t] - level) + (1 - g) * season[s];
        }
        double[] out = new double[horizon];
        for (int h = 1; h <= horizon; h++) {
            out[h - 1] = Math.max(0, level + h * trend + season[(y.length + h - 1) % m]);
        }
        return new Fit("holt-winters", new double[] {a, b, g}, out, sse);
    }

    /** Croston (SBA). */
    public static Fit croston(double[] y, int horizon) {
        Fit best = null;
        for (double a : GRID) {
            double size = -1;
            double interval = 1;
            int since = 1;
            double sse = 0;
            for (double v : y) {
                double predicted = size < 0 ? 0 : (1 - a / 2) * size / interval;
                sse += (v - predicted) * (v - predicted);
                if (v > 0) {
                    if (size < 0) {
                        size = v;
                        interval = since;
                    } else {
                        size += a * (v - size);
                        interval += a * (since - interval);
                    }
                    since = 1;
                } else {
                    since++;
                }
            }
            double rate = size < 0 ? 0 : (1 - a / 2) * size / interval;
            if (best == null || sse < best.sse()) {
                best = new Fit("croston", new double[] {a}, flat(rate, horizon), sse);
            }
        }
        return best;
    }

    private static double[] flat(double v, int horizon) {
        double[] out = new double[horizon];
        java.util.Arrays.fill(out, Math.max(0, v));
        return out;
    }
}
