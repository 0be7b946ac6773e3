package io.stocksense.edge.adapter.gpio;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;

/**
 * Opens the Pi4J context the GPIO adapter reads and drives pins through. The default,
 * {@link #autoDetect()}, loads the Pi4J plugins on the class path (gpiod on a Raspberry Pi). Tests and
 * embedders can supply another, such as a context of Pi4J's mock providers.
 *
 * <p>Opening may fail (no gpiochip, no native library, not a Pi): with an exception or a
 * {@link LinkageError}. The adapter then marks its devices OFFLINE and tries again later.
 */
@FunctionalInterface
public interface GpioContextSource {

    Context open();

    static GpioContextSource autoDetect() {
        return Pi4J::newAutoContext;
    }
}
