package io.stocksense.cloud;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Port probing for start-up: is a port free, and which free port to fall back to. */
public final class Ports {

    private Ports() {
    }

    /** True when a TCP listener could bind {@code host:port} right now. */
    public static boolean isFree(String host, int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getByName(host), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A port that was free a moment ago (there is a small race before the caller binds it). */
    public static int freePort(String host) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getByName(host), 0));
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port on " + host, e);
        }
    }

    /**
     * The port to use for {@code requested}: itself when free, a random free one for 0, a free one
     * when taken and {@code fallback} is set; otherwise an error naming {@code variable}.
     */
    public static int choose(String variable, String host, int requested, boolean fallback, org.slf4j.Logger log) {
        if (requested == 0) {
            return freePort(host);
        }
        if (isFree(host, requested)) {
            return requested;
        }
        if (!fallback) {
            throw new CloudStartException("port " + requested + " is in use; set " + variable + " to a free port");
        }
        int other = freePort(host);
        log.warn("port {} is in use; using free port {} instead (set {} to choose one)", requested, other, variable);
        return other;
    }
}
