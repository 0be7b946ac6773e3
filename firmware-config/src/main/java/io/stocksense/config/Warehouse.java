package io.stocksense.config;

import java.util.List;
import java.util.Optional;

/** A warehouse with its climate zones and its locations. */
public record Warehouse(String code, String name, List<Zone> zones, List<Location> locations) {

    public Warehouse {
        zones = List.copyOf(zones);
        locations = List.copyOf(locations);
    }

    public Optional<Zone> zone(String code) {
        return zones.stream().filter(z -> z.code().equals(code)).findFirst();
    }

    public Optional<Location> location(String code) {
        return locations.stream().filter(l -> l.code().equals(code)).findFirst();
    }
}
