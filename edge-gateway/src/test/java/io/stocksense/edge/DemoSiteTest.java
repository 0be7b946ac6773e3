package io.stocksense.edge;

import io.stocksense.config.Device;
import io.stocksense.config.Site;
import io.stocksense.config.SiteLoader;
import io.stocksense.edge.codec.CodecRegistry;
import io.stocksense.edge.engine.Engines;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped demo site is fully usable by this gateway: every codec known, every engine buildable. */
class DemoSiteTest {

    @Test
    void everyDemoDeviceHasACodecAndAnEngine() throws Exception {
        Site site = SiteLoader.load(Path.of("../firmware-config/sites/demo.yaml"));
        CodecRegistry codecs = CodecRegistry.load();

        assertThat(site.devicesOf("gw-1")).hasSize(8);
        assertThat(site.devicesOf("gw-1")).extracting(Device::codec).allSatisfy(c -> assertThat(codecs.find(c)).isPresent());
        assertThat(new Engines(site, site.devicesOf("gw-1"), Map.of()).configurationErrors()).isEmpty();
    }
}
