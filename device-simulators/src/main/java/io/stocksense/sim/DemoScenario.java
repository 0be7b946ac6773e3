package io.stocksense.sim;

import io.stocksense.sim.device.ClimateSensorSimulator;
import io.stocksense.sim.device.RfidPortalSimulator;
import io.stocksense.sim.device.SmartShelfSimulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The continuous {@code demo}: a warehouse going about its day until stopped. It starts with shelf
 * baselines, shelf fills and one inbound pallet so a dashboard shows stock within seconds; then an
 * inbound pallet of 8-20 cases every ~20 s, a pick of 1-3 items from a random shelf every ~5 s (a
 * refill when the slot runs low), every climate sensor every 2 s, now and then an outbound pass of
 * cases received earlier, and every few minutes a one-minute cold-room door opening (up to ~9 °C).
 *
 * <p>A single loop on the simulation thread runs whichever action is due, then sleeps until the next
 * one; portal passes wait until the previous pass has surely closed, so passes never merge.
 */
final class DemoScenario {

    private static final Duration CLIMATE_EVERY = Duration.ofSeconds(2);
    private static final Duration EXCURSION_RISE = Duration.ofSeconds(20);
    private static final Duration EXCURSION_LENGTH = Duration.ofSeconds(60);
    private static final double EXCURSION_PEAK_C = 9.0;
    private static final int LOW_STOCK = 4;

    private final ScenarioContext ctx;
    private int palletNo;
    private Instant nextClimate;
    private Instant nextPick;
    private Instant nextPallet;
    private Instant nextDispatch;
    private Instant nextExcursion;
    private Instant excursionStart;
    private String excursionZone;

    DemoScenario(ScenarioContext ctx) {
        this.ctx = ctx;
    }

    void play() {
        Instant start = ctx.clock.now();
        nextClimate = start;
        ctx.climateRound();
        nextClimate = start.plus(CLIMATE_EVERY);
        for (SmartShelfSimulator shelf : ctx.shelves) {
            ctx.baseline(shelf);
            if (shelf.count() < 10) {
                ctx.place(shelf, 10 + ctx.random.nextInt(11));
            }
        }
        if (!ctx.portals.isEmpty()) {
            inboundPallet(20);
        }
        Instant now = ctx.clock.now();
        nextPick = now.plus(seconds(4, 6));
        nextPallet = now.plus(seconds(18, 22));
        nextDispatch = now.plus(seconds(40, 70));
        nextExcursion = now.plus(seconds(90, 150));
        // devices a site does not have never fall due
        Instant never = now.plus(Duration.ofDays(36_500));
        if (ctx.shelves.isEmpty()) {
            nextPick = never;
        }
        if (ctx.portals.isEmpty()) {
            nextPallet = never;
            nextDispatch = never;
        }
        while (true) {
            tick();
        }
    }

    private void tick() {
        Instant now = ctx.clock.now();
        if (!now.isBefore(nextClimate)) {
            updateExcursion(now);
            ctx.climateRound();
            nextClimate = nextClimate.plus(CLIMATE_EVERY);
            if (nextClimate.isBefore(now)) {
                nextClimate = now.plus(CLIMATE_EVERY);
            }
        }
        if (!now.isBefore(nextPick)) {
            pickOrRefill();
            nextPick = now.plus(seconds(4, 6));
        }
        portalActions(now);
        if (!now.isBefore(nextExcursion)) {
            startExcursion(now);
            nextExcursion = now.plus(seconds(180, 300));
        }
        Instant next = earliest(nextClimate, nextPick, nextPallet, nextDispatch, nextExcursion);
        Duration wait = Duration.between(ctx.clock.now(), next);
        ctx.clock.sleep(wait.compareTo(Duration.ofMillis(50)) < 0 ? Duration.ofMillis(50) : wait);
    }

    private void portalActions(Instant now) {
        if (ctx.portals.isEmpty()) {
            return;
        }
        RfidPortalSimulator portal = ctx.portals.get(palletNo % ctx.portals.size());
        if (!now.isBefore(nextPallet) && ctx.portalReady(portal)) {
            inboundPallet(8 + ctx.random.nextInt(13));
            nextPallet = now.plus(seconds(18, 22));
        } else if (!now.isBefore(nextDispatch) && ctx.portalReady(ctx.portals.get(0))) {
            outboundPass(ctx.portals.get(0));
            nextDispatch = now.plus(seconds(45, 75));
        }
    }

    private void inboundPallet(int cases) {
        RfidPortalSimulator portal = ctx.portals.get(palletNo % ctx.portals.size());
        String label = "demo-" + palletNo++;
        ctx.receive(portal, ctx.caseTags.pallet(ctx.seed, label, cases), ctx.caseTags.palletSscc(ctx.seed, label));
    }

    private void outboundPass(RfidPortalSimulator portal) {
        List<CaseTags.Case> available = ctx.inStock.getOrDefault(portal.device().id(), List.of());
        if (available.size() < 3) {
            return;
        }
        int n = Math.min(available.size(), 3 + ctx.random.nextInt(6));
        ctx.dispatch(portal, new ArrayList<>(ScenarioContext.shuffled(available, ctx.random).subList(0, n)));
    }

    private void pickOrRefill() {
        SmartShelfSimulator shelf = ctx.shelves.get(ctx.random.nextInt(ctx.shelves.size()));
        if (shelf.count() < LOW_STOCK) {
            ctx.place(shelf, 10 + ctx.random.nextInt(11));
        } else {
            ctx.pick(shelf, Math.min(shelf.count(), 1 + ctx.random.nextInt(3)));
        }
    }

    /** A door opens on a refrigerated zone: all its sensors warm towards ~9 °C, hold, and cool again. */
    private void startExcursion(Instant now) {
        List<ClimateSensorSimulator> cold = ctx.climates.stream().filter(c -> c.setpointC() < EXCURSION_PEAK_C - 1).toList();
        if (cold.isEmpty() || excursionStart != null) {
            return;
        }
        ClimateSensorSimulator first = cold.get(ctx.random.nextInt(cold.size()));
        excursionZone = first.device().zone();
        excursionStart = now;
        ctx.step("zone " + excursionZone + ": door open, temperature rising towards ~" + EXCURSION_PEAK_C + " °C for a minute");
    }

    private void updateExcursion(Instant now) {
        if (excursionStart == null) {
            return;
        }
        long ms = Duration.between(excursionStart, now).toMillis();
        long rise = EXCURSION_RISE.toMillis();
        long length = EXCURSION_LENGTH.toMillis();
        double share = ms >= length ? 0 : ms < rise ? (double) ms / rise : ms > length - rise ? (double) (length - ms) / rise : 1;
        for (ClimateSensorSimulator c : ctx.climates) {
            if (excursionZone != null && excursionZone.equals(c.device().zone())) {
                c.excursion(share * (EXCURSION_PEAK_C - c.setpointC()));
            }
        }
        if (ms >= length) {
            ctx.step("zone " + excursionZone + ": door closed, back to normal");
            excursionStart = null;
            excursionZone = null;
        }
    }

    private Duration seconds(int min, int max) {
        return Duration.ofMillis(1000L * min + ctx.random.nextInt((max - min) * 1000 + 1));
    }

    private static Instant earliest(Instant... instants) {
        Instant min = instants[0];
        for (Instant i : instants) {
            if (i.isBefore(min)) {
                min = i;
            }
        }
        return min;
    }
}
