package io.stocksense.cloud.catalog.domain;

import java.util.List;

/**
 * A device and where it is: its gateway, transport and codec, and the warehouse/location/zone it
 * observes. Registered by site files or by {@code POST /api/v1/devices}.
 */
public record DeviceEntry(String siteId, String id, String gateway, String family, String transport, String address,
                          String codec, String warehouse, String location, String zone) {

    public static final List<String> FAMILIES = List.of("rfid-portal", "smart-shelf", "climate-sensor", "scale", "door", "barcode");
    public static final List<String> TRANSPORTS = List.of("mqtt", "serial", "opcua", "gpio");
    public static final List<String> FIELDS = List.of("siteId", "id", "gateway", "family", "transport", "address",
            "codec", "warehouse", "location", "zone");

    public static Validated<DeviceEntry> read(FieldSource in) {
        FieldReader r = new FieldReader(in);
        String family = r.oneOf("family", FAMILIES);
        String transport = r.oneOf("transport", TRANSPORTS);
        if (in.text("family") == null) {
            r.fail("family", "is required: one of " + String.join(", ", FAMILIES));
        }
        if (in.text("transport") == null) {
            r.fail("transport", "is required: one of " + String.join(", ", TRANSPORTS));
        }
        String location = in.text("location") == null ? null : r.code("location");
        String warehouse = in.text("warehouse") == null ? null : r.code("warehouse");
        if (location != null && in.text("warehouse") == null) {
            r.fail("warehouse", "is required with a location");
        }
        DeviceEntry d = new DeviceEntry(in.text("siteId") == null ? null : r.code("siteId"), r.code("id"), r.code("gateway"),
                family, transport, r.optional("address"), r.optional("codec"), warehouse, location, r.optional("zone"));
        return new Validated<>(r.errors().isEmpty() ? d : null, r.errors());
    }
}
