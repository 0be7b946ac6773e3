package io.stocksense.sim;

import io.stocksense.config.Device;
import io.stocksense.config.DeviceFamily;
import io.stocksense.config.Site;
import io.stocksense.config.SiteLoader;

import java.nio.file.Path;
import java.util.List;

/** The real demo site file of firmware-config, loaded by the real loader. */
final class DemoSite {

    static final Path FILE = Path.of("../firmware-config/sites/demo.yaml");

    private DemoSite() {
    }

    static Site load() {
        try {
            return SiteLoader.load(FILE);
        } catch (Exception e) {
            throw new IllegalStateException("cannot load " + FILE + ": " + e.getMessage(), e);
        }
    }

    static List<Device> devices(Site site, DeviceFamily family) {
        return site.devices().stream().filter(d -> d.family() == family).toList();
    }
}
