package io.stocksense.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

final class TestPorts {

    private TestPorts() {
    }

    /** A port that was free a moment ago, for servers that must come back on the same port after a restart. */
    static int free() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
