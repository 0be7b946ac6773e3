package io.stocksense.launcher;

import java.io.IOException;

/**
 * Opens the dashboard in the desktop's browser when there is a desktop. On a headless machine (no
 * DISPLAY / WAYLAND_DISPLAY) it does nothing: the banner's URL is the way in.
 */
final class BrowserOpener {

    private BrowserOpener() {
    }

    static void tryOpen(String url) {
        if (System.getenv("STOCKSENSE_NO_BROWSER") != null) {
            return;
        }
        boolean desktop = System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null;
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        String[] command;
        if (os.contains("mac")) {
            command = new String[] {"open", url};
        } else if (desktop) {
            command = new String[] {"xdg-open", url};
        } else {
            return;
        }
        try {
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            // No opener installed: the URL is printed in the banner.
        }
    }
}
