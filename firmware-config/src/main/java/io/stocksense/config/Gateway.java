package io.stocksense.config;

/** An edge gateway (one Raspberry Pi) and the warehouse it serves. */
public record Gateway(String id, String name, String warehouse) {
}
