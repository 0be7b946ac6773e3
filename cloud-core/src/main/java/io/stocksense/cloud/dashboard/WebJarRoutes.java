package io.stocksense.cloud.dashboard;

import io.stocksense.cloud.web.RouteTable;
import io.vertx.ext.web.handler.StaticHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Serves third-party front-end libraries from their WebJars without the version in the URL:
 * {@code /webjars/chart.js/dist/chart.umd.min.js} is {@code META-INF/resources/webjars/chart.js/<version>/...}
 * of the jar on the class path, so the pages never need to change when the root pom moves a version.
 */
public final class WebJarRoutes {

    private WebJarRoutes() {
    }

    /** Mounts {@code /webjars/{name}/*} for each {@code groupId:artifactId} of an npm WebJar. */
    public static void mount(RouteTable routes, String... webjars) {
        for (String coordinates : webjars) {
            String[] ga = coordinates.split(":");
            String version = version(ga[0], ga[1]);
            StaticHandler files = StaticHandler.create("META-INF/resources/webjars/" + ga[1] + "/" + version)
                    .setMaxAgeSeconds(86_400);
            routes.router().get("/webjars/" + ga[1] + "/*").handler(files);
        }
    }

    /** The version from the WebJar's own {@code pom.properties}. */
    static String version(String groupId, String artifactId) {
        String path = "META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
        try (InputStream in = WebJarRoutes.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("WebJar " + groupId + ":" + artifactId + " is not on the class path (" + path + ")");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
