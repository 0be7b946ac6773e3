package io.stocksense.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Each fixture in src/test/resources/broken is a site file with known mistakes; every error is asserted exactly. */
class BrokenSiteConfigTest {

    private static final String DIR = "src/test/resources/broken/";

    @Test
    void missingFields() {
        assertThat(errorsOf("missing-field.yaml")).containsExactly(
                DIR + "missing-field.yaml:4: products[0].unit: is required",
                DIR + "missing-field.yaml:12: devices[0].codec: is required (the vendor format, e.g. zigbee2mqtt; only gpio devices may omit it)");
    }

    @Test
    void badEnumsListTheAllowedValues() {
        assertThat(errorsOf("bad-enum.yaml")).containsExactly(
                DIR + "bad-enum.yaml:6: warehouses[0].locations[0].kind: 'door' is not one of: dock, putaway, shelf-slot, bin, staging",
                DIR + "bad-enum.yaml:10: devices[0].family: 'rfid-gate' is not one of: rfid-portal, smart-shelf, climate-sensor, scale, door, barcode, signal",
                DIR + "bad-enum.yaml:11: devices[1].transport: 'modbus' is not one of: mqtt, serial, opcua, gpio");
    }

    @Test
    void unknownKeysGetAHintWhenClose() {
        assertThat(errorsOf("unknown-key.yaml")).containsExactly(
                DIR + "unknown-key.yaml:16: devices[0].portal.innerAntena: unknown key; did you mean 'innerAntenna'?",
                DIR + "unknown-key.yaml:16: devices[0].portal.innerAntenna: is required",
                DIR + "unknown-key.yaml:17: devices[0].colour: unknown key; allowed: id, gateway, family, transport, address, "
                        + "codec, warehouse, location, zone, portal, shelf, options",
                DIR + "unknown-key.yaml:18: device: unknown key; did you mean 'devices'?");
    }

    @Test
    void danglingReferences() {
        assertThat(errorsOf("dangling-reference.yaml")).containsExactly(
                DIR + "dangling-reference.yaml:9: warehouses[0].locations[1].zone: unknown zone 'COLD' (this warehouse has: AMBIENT)",
                DIR + "dangling-reference.yaml:12: gateways[1].warehouse: unknown warehouse 'WH2'",
                DIR + "dangling-reference.yaml:14: devices[0].gateway: unknown gateway 'gw-9'",
                DIR + "dangling-reference.yaml:15: devices[1].zone: unknown zone 'COLD' in warehouse 'WH1'",
                DIR + "dangling-reference.yaml:16: devices[2].location: unknown location 'S9' in warehouse 'WH1'",
                DIR + "dangling-reference.yaml:16: devices[2].shelf.sku: unknown sku 'NUT-M9'");
    }

    @Test
    void duplicateIdsPointAtTheFirst() {
        assertThat(errorsOf("duplicate-id.yaml")).containsExactly(
                DIR + "duplicate-id.yaml:4: products[1].sku: duplicate sku 'NUT-M8' (first on line 3)",
                DIR + "duplicate-id.yaml:7: warehouses[0].zones[1].code: duplicate zone 'A' (first on line 7)",
                DIR + "duplicate-id.yaml:12: devices[1].id: duplicate device 'door-1' (first on line 11)");
    }

    @Test
    void badGtins() {
        assertThat(errorsOf("bad-gtin.yaml")).containsExactly(
                DIR + "bad-gtin.yaml:3: products[0].gtin: check digit of '04012345123457' is wrong: expected 6",
                DIR + "bad-gtin.yaml:4: products[1].gtin: write the GTIN as a quoted string of 14 digits "
                        + "(gtin: \"04012345123463\"); an unquoted number loses its leading zeros",
                DIR + "bad-gtin.yaml:5: products[2].gtin: must be a string of digits, was '0401234512347X'",
                DIR + "bad-gtin.yaml:6: products[3].companyPrefixLength: is required when a gtin is given "
                        + "(6..12 digits of the GS1 company prefix)");
    }

    @Test
    void badDurationsAndTemperatureBand() {
        String formats = "use 500ms, 2s, 15m, 1h or ISO-8601 like PT15M";
        assertThat(errorsOf("bad-duration.yaml")).containsExactly(
                DIR + "bad-duration.yaml:5: warehouses[0].zones[0].temperature.alarmDelay: '15 minutes' is not a duration: " + formats,
                DIR + "bad-duration.yaml:6: warehouses[0].zones[1].temperature.min: min (-18) must be below max (-25)",
                DIR + "bad-duration.yaml:18: devices[0].portal.quietPeriod: '2' is not a duration: " + formats);
    }

    @Test
    void yamlSyntaxErrorNamesWhereTheConstructStarted() {
        assertThat(errorsOf("yaml-syntax.yaml")).containsExactly(
                DIR + "yaml-syntax.yaml:5: yaml: found unexpected end of stream (while scanning a quoted scalar that starts on line 3)");
    }

    @Test
    void shelfSkuNeedsAUnitWeight() {
        assertThat(errorsOf("shelf-without-unit-weight.yaml")).containsExactly(
                DIR + "shelf-without-unit-weight.yaml:11: devices[0].shelf.sku: product 'INS-PEN-10' has no unitWeightGrams, "
                        + "which a smart shelf needs to count items");
    }

    @Test
    void familyRules() {
        assertThat(errorsOf("family-rules.yaml")).containsExactly(
                DIR + "family-rules.yaml:11: devices[0].portal.innerAntenna: must differ from outerAntenna (both are 2): "
                        + "the direction comes from which one sees a tag first",
                DIR + "family-rules.yaml:12: devices[1].portal: is required for an rfid-portal device (outerAntenna, innerAntenna)",
                DIR + "family-rules.yaml:12: devices[1].location: is required for an rfid-portal device (the location it watches)",
                DIR + "family-rules.yaml:13: devices[2].shelf.toleranceGrams: must be at least 0 and below half the unit weight "
                        + "(33.5 g), was 20",
                DIR + "family-rules.yaml:13: devices[2].location: is required for a smart-shelf device (the location it watches)",
                DIR + "family-rules.yaml:14: devices[3].portal: is only for rfid-portal devices, this one is climate-sensor",
                DIR + "family-rules.yaml:14: devices[3].zone: is required for a climate-sensor device (the zone it measures)",
                DIR + "family-rules.yaml:15: devices[4].id: must be 1-64 letters, digits, '-', '_' or '.', starting with a "
                        + "letter or digit, was 'bad id!'");
    }

    @Test
    void gpioDevicesNeedAPinAndNoVendorCodecAndSignalsAreGpioOutputs() {
        assertThat(errorsOf("gpio-rules.yaml")).containsExactly(
                DIR + "gpio-rules.yaml:10: devices[1].codec: a gpio device reads pin levels: omit codec or write 'gpio' "
                        + "(or a gpio-... label), was 'zigbee2mqtt'",
                DIR + "gpio-rules.yaml:11: devices[2].address: must be a whole number, was 'GPIO17'",
                DIR + "gpio-rules.yaml:12: devices[3].transport: a signal device is a GPIO output: transport must be gpio, was mqtt",
                DIR + "gpio-rules.yaml:13: devices[4].options: options.on of a signal device must be 'alarm' "
                        + "(on while any local alarm is active), was 'door'");
    }

    @Test
    void theMessageListsEveryErrorOnItsOwnLine() {
        SiteConfigException e = catchThrowableOfType(SiteConfigException.class,
                () -> SiteLoader.load(Path.of(DIR + "missing-field.yaml")));
        assertThat(e.getMessage()).isEqualTo("invalid site configuration (2 errors):\n"
                + DIR + "missing-field.yaml:4: products[0].unit: is required\n"
                + DIR + "missing-field.yaml:12: devices[0].codec: is required (the vendor format, e.g. zigbee2mqtt; only gpio devices may omit it)");
        assertThat(e.errors().get(1)).isEqualTo(new ConfigError(DIR + "missing-field.yaml", 12, "devices[0].codec",
                "is required (the vendor format, e.g. zigbee2mqtt; only gpio devices may omit it)"));
    }

    @Test
    void inMemoryYamlProblems() {
        assertThat(parseErrors("site: x\nproducts:\n  - sku: A\n     name: B\n"))
                .containsExactly("t.yaml:4: yaml: mapping values are not allowed here");
        assertThat(parseErrors("")).containsExactly("t.yaml:1: site: is required (the file is empty)");
        assertThat(parseErrors("- a\n- b\n")).containsExactly("t.yaml:1: (top level): must be a mapping of key: value, not a list");
        assertThat(parseErrors("site: x\nsite: y\n")).containsExactly("t.yaml:2: site: duplicate key (first on line 1)");
        assertThat(parseErrors("site: x\nproducts: { sku: A }\n"))
                .containsExactly("t.yaml:2: products: must be a list (- item), not a mapping");
        assertThat(parseErrors("site: !!java.io.File x\n")).singleElement().asString().startsWith("t.yaml:1: yaml: Global tag is not allowed");
        assertThat(parseErrors("site: x\nproducts:\n  - { sku: A, name: B, unit: C, gtin: '96385074', companyPrefixLength: 7x, "
                + "unitWeightGrams: heavy }\n")).containsExactly(
                "t.yaml:3: products[0].companyPrefixLength: must be a whole number, was '7x'",
                "t.yaml:3: products[0].unitWeightGrams: must be a number, was 'heavy'");
    }

    @Test
    void anUnreadableFileIsAConfigErrorToo() {
        assertThatThrownBy(() -> SiteLoader.load(Path.of(DIR + "no-such-file.yaml")))
                .isInstanceOf(SiteConfigException.class)
                .hasMessageContaining(DIR + "no-such-file.yaml:0: file: cannot read: java.nio.file.NoSuchFileException");
    }

    private static List<String> errorsOf(String fixture) {
        SiteConfigException e = catchThrowableOfType(SiteConfigException.class, () -> SiteLoader.load(Path.of(DIR + fixture)));
        assertThat(e).as(fixture + " must fail").isNotNull();
        return e.errors().stream().map(ConfigError::toString).toList();
    }

    private static List<String> parseErrors(String yaml) {
        SiteConfigException e = catchThrowableOfType(SiteConfigException.class, () -> SiteLoader.parse(yaml, "t.yaml"));
        assertThat(e).as(yaml + " must fail").isNotNull();
        return e.errors().stream().map(ConfigError::toString).toList();
    }
}
