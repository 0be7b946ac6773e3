package io.stocksense.protocol.reading;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.time.Instant;

/**
 * A canonical, device-neutral reading: what a codec's mapping produces from a vendor frame, and what
 * the gateway's engines consume. A reading is an observation, not yet a stock movement.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "reading")
@JsonSubTypes({
        @JsonSubTypes.Type(value = TagRead.class, name = "tag"),
        @JsonSubTypes.Type(value = WeightReading.class, name = "weight"),
        @JsonSubTypes.Type(value = ClimateReading.class, name = "climate"),
        @JsonSubTypes.Type(value = ScanRead.class, name = "scan"),
        @JsonSubTypes.Type(value = DigitalInputReading.class, name = "digital")
})
public sealed interface Reading permits TagRead, WeightReading, ClimateReading, ScanRead, DigitalInputReading {

    /** The configured device id (from the site file), not the vendor's own id. */
    String deviceId();

    /** The device's clock, when the payload carried one; otherwise null. */
    Instant deviceTime();
}
