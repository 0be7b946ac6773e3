package io.stocksense.edge.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Recorded device payloads from src/test/resources. */
public final class Fixtures {

    private Fixtures() {
    }

    public static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
