package io.stocksense.sim.device;

/** Thrown by {@link SimClock#sleep} when the simulation was asked to stop; unwinds the scenario. */
public final class SimulationStoppedException extends RuntimeException {

    public SimulationStoppedException() {
        super("simulation stopped", null, false, false);
    }
}
