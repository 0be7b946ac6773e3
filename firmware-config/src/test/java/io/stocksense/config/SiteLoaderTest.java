package io.stocksense.config;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class SiteLoaderTest {

    @Test
    void loadsTheDemoSite() throws SiteConfigException {
        Site site = SiteLoader.load(Path.of("sites/demo.yaml"));

        assertThat(site.siteId()).isEqualTo("demo");
        assertThat(site.name()).isEqualTo("StockSense demo site");
        assertThat(site.products()).hasSize(8);
        assertThat(site.warehouses()).hasSize(1);
        Warehouse wh = site.warehouse("WH1").orElseThrow();
        assertThat(wh.name()).isEqualTo("Main warehouse");
        assertThat(wh.zones()).extracting(Zone::code).containsExactly("DOCK", "COLD", "AMBIENT");
        assertThat(wh.locations()).hasSize(6);
        assertThat(site.gateways()).hasSize(1);
        assertThat(site.devices()).hasSize(8);
        assertThat(site.devicesOf("gw-1")).hasSize(8);
    }

    @Test
    void readsProductsExactly() throws SiteConfigException {
        Site site = SiteLoader.load(Path.of("sites/demo.yaml"));

        Product pens = site.product("INS-PEN-10").orElseThrow();
        assertThat(pens.name()).isEqualTo("Insulin pens, box of 10");
        assertThat(pens.gtin()).isEqualTo("04012345123456");
        assertThat(pens.companyPrefixLength()).isEqualTo(7);
        assertThat(pens.unit()).isEqualTo("CS");
        assertThat(pens.unitWeightGrams()).isNull();
        assertThat(site.productByGtin("14012345200017")).map(Product::sku).contains("WATER-24");
        assertThat(site.product("BOLT-M8").orElseThrow().unitWeightGrams()).isEqualTo(new BigDecimal("33.5"));
        assertThat(site.product("GLOVE-L").orElseThrow().unitWeightGrams()).isEqualTo(new BigDecimal("610"));
    }

    @Test
    void readsZonesLocationsAndGateways() throws SiteConfigException {
        Site site = SiteLoader.load(Path.of("sites/demo.yaml"));
        Warehouse wh = site.warehouse("WH1").orElseThrow();

        TemperatureLimits cold = wh.zone("COLD").orElseThrow().temperature();
        assertThat(cold.minC()).isEqualTo(2.0);
        assertThat(cold.maxC()).isEqualTo(8.0);
        assertThat(cold.alarmDelay()).isEqualTo(Duration.ofMinutes(15));
        assertThat(wh.zone("AMBIENT").orElseThrow().temperature().alarmDelay()).isEqualTo(Duration.ofMinutes(30));
        assertThat(wh.zone("DOCK").orElseThrow().temperature()).isNull();
        assertThat(wh.location("DOCK-1").orElseThrow())
                .isEqualTo(new Location("DOCK-1", "Dock door 1 (receiving)", "DOCK", LocationKind.DOCK));
        assertThat(wh.location("SHELF-A3").orElseThrow().kind()).isEqualTo(LocationKind.SHELF_SLOT);
        assertThat(site.gateway("gw-1").orElseThrow()).isEqualTo(new Gateway("gw-1", "Main warehouse gateway", "WH1"));
    }

    @Test
    void readsDevices() throws SiteConfigException {
        Site site = SiteLoader.load(Path.of("sites/demo.yaml"));

        Device portal = site.device("portal-dock1").orElseThrow();
        assertThat(portal.family()).isEqualTo(DeviceFamily.RFID_PORTAL);
        assertThat(portal.transport()).isEqualTo(Transport.MQTT);
        assertThat(portal.address()).isEqualTo("zebra/fx9600-dock1/events");
        assertThat(portal.codec()).isEqualTo("zebra-iotc");
        assertThat(portal.location()).isEqualTo("DOCK-1");
        assertThat(portal.portal()).isEqualTo(new PortalSettings(1, 2, Duration.ofSeconds(2), -75.0));
        assertThat(portal.shelf()).isNull();

        Device sensor = site.device("cold-sensor-2").orElseThrow();
        assertThat(sensor.family()).isEqualTo(DeviceFamily.CLIMATE_SENSOR);
        assertThat(sensor.zone()).isEqualTo("COLD");
        assertThat(sensor.warehouse()).isEqualTo("WH1");

        Device shelf = site.device("shelf-a2").orElseThrow();
        assertThat(shelf.shelf()).isEqualTo(new ShelfSettings("NUT-M8", new BigDecimal("1.5")));
        assertThat(shelf.location()).isEqualTo("SHELF-A2");
        assertThat(shelf.options()).isEmpty();
    }

    @Test
    void appliesDefaults() throws SiteConfigException {
        String yaml = String.join("\n",
                "site: mini",
                "products:",
                "  - { sku: BOLT, name: Bolt, unit: EA, unitWeightGrams: 33.5, gtin: '96385074', companyPrefixLength: 6 }",
                "warehouses:",
                "  - code: W",
                "    zones: [ { code: Z, temperature: { min: -25, max: -18 } } ]",
                "    locations: [ { code: S1, zone: Z, kind: shelf-slot }, { code: D1, zone: Z, kind: dock } ]",
                "gateways: [ { id: g, warehouse: W } ]",
                "devices:",
                "  - { id: p, gateway: g, family: rfid-portal, transport: mqtt, address: a/b, codec: zebra-iotc,",
                "      location: D1, portal: { outerAntenna: 3, innerAntenna: 4 }, options: { qos: 1, retain: false } }",
                "  - { id: s, gateway: g, family: smart-shelf, transport: serial, address: /dev/ttyUSB0, codec: mt-sics,",
                "      location: S1, shelf: { sku: BOLT } }",
                "");
        Site site = SiteLoader.parse(yaml, "mini.yaml");

        Device portal = site.device("p").orElseThrow();
        assertThat(portal.warehouse()).as("defaults to the gateway's").isEqualTo("W");
        assertThat(portal.portal()).isEqualTo(new PortalSettings(3, 4, Duration.ofSeconds(2), null));
        assertThat(portal.options()).containsEntry("qos", "1").containsEntry("retain", "false");
        assertThat(site.device("s").orElseThrow().shelf().toleranceGrams()).isEqualByComparingTo("3.35");
        assertThat(site.warehouse("W").orElseThrow().zone("Z").orElseThrow().temperature())
                .isEqualTo(new TemperatureLimits(-25, -18, Duration.ofMinutes(15)));
        assertThat(site.product("BOLT").orElseThrow().gtin()).as("normalised to GTIN-14").isEqualTo("00000096385074");
        assertThat(site.name()).isNull();
    }

    @Test
    void gpioDevicesMayOmitTheCodec() throws SiteConfigException {
        Site site = SiteLoader.parse(String.join("\n",
                "site: g",
                "warehouses: [ { code: W, zones: [ { code: Z } ], locations: [ { code: D1, zone: Z, kind: dock } ] } ]",
                "gateways: [ { id: g, warehouse: W } ]",
                "devices:",
                "  - { id: door, gateway: g, family: door, transport: gpio, address: '17', options: { pull: up, activeLow: true } }",
                "  - { id: light, gateway: g, family: signal, transport: gpio, address: '27', options: { on: alarm } }",
                ""), "g.yaml");
        assertThat(site.device("door").orElseThrow().codec()).isEqualTo("gpio");
        assertThat(site.device("door").orElseThrow().options()).containsEntry("pull", "up").containsEntry("activeLow", "true");
        assertThat(site.device("light").orElseThrow().family()).isEqualTo(DeviceFamily.SIGNAL);
        assertThat(site.device("light").orElseThrow().options()).containsEntry("on", "alarm");
    }

    @Test
    void acceptsAnUnquotedFourteenDigitGtin() throws SiteConfigException {
        Site site = SiteLoader.parse("site: s\nproducts:\n  - { sku: A, name: A, unit: EA, gtin: 14012345200017, companyPrefixLength: 7 }\n",
                "s.yaml");
        assertThat(site.product("A").orElseThrow().gtin()).isEqualTo("14012345200017");
    }
}
