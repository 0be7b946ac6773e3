package io.stocksense.edge.engine.environment;

import java.util.Collection;

/**
 * Mean kinetic temperature (USP &lt;1079.2&gt;, ICH Q1A): the single temperature that would degrade a
 * product as much as the varying temperatures actually seen.
 * {@code T_MKT = (ΔH/R) / −ln((1/n) Σ exp(−ΔH/(R·T_i)))}, with T in kelvin and ΔH/R = 10 000 K
 * (ΔH = 83.144 kJ/mol, the usual default activation energy). Warm spells weigh more than an
 * arithmetic mean gives them. Samples are weighted equally, so they should be evenly spaced in time.
 */
public final class MeanKineticTemperature {

    /** ΔH/R in kelvin. */
    public static final double ACTIVATION_OVER_R = 10_000.0;
    private static final double KELVIN = 273.15;

    private MeanKineticTemperature() {
    }

    /** The MKT in °C of temperatures in °C; NaN when there are none. */
    public static double ofCelsius(Collection<Double> celsius) {
        if (celsius.isEmpty()) {
            return Double.NaN;
        }
        double sum = 0;
        for (double c : celsius) {
            sum += Math.exp(-ACTIVATION_OVER_R / (c + KELVIN));
        }
        return ACTIVATION_OVER_R / -Math.log(sum / celsius.size()) - KELVIN;
    }
}
