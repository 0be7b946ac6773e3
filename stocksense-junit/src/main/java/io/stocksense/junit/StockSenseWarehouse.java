package io.stocksense.junit;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a whole StockSense warehouse for the annotated test class: an embedded MQTT broker, an embedded
 * PostgreSQL, cloud-core seeded from the site file, one gateway of that site, and simulators for the
 * chosen device kinds, all on random free ports in this JVM. It starts once before the first test and
 * stops after the last; the ledger is shared by the class's tests.
 *
 * <p>Test methods (and constructors) receive typed handles as parameters: {@link WarehouseClient}
 * (REST: stock, movements, products), {@link SimulatorHandle} (play scenarios) and
 * {@link WarehouseInfo} (URLs, credentials).
 *
 * <pre>
 * &#64;StockSenseWarehouse(site = "src/test/resources/my-site.yaml", simulators = {Simulators.RFID_PORTALS})
 * class ReceivingTest {
 *     &#64;Test
 *     void aPalletArrives(SimulatorHandle devices, WarehouseClient stock) {
 *         PlayedScenario played = devices.play("receive-pallet");
 *         stock.awaitStock(played.expectedStock(), Duration.ofSeconds(60));
 *     }
 * }
 * </pre>
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(StockSenseExtension.class)
public @interface StockSenseWarehouse {

    /** The site YAML: a file path (relative to the working directory) or {@code classpath:path/in/resources.yaml}. */
    String site();

    /** The gateway to run; empty: the site's first gateway. */
    String gateway() default "";

    /** Which kinds of the site's devices are simulated; the others stay silent. */
    Simulators[] simulators() default {Simulators.RFID_PORTALS, Simulators.SMART_SHELVES, Simulators.CLIMATE_SENSORS};
}
