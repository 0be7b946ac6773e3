package io.stocksense.junit;

import io.stocksense.cloud.CloudConfig;
import io.stocksense.config.DeviceFamily;
import io.stocksense.config.Site;
import io.stocksense.config.SiteConfigException;
import io.stocksense.config.SiteLoader;
import io.stocksense.launcher.LocalWarehouse;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The extension behind {@link StockSenseWarehouse}: starts the warehouse before the class's first
 * test, keeps it in the class's extension store (so JUnit closes it after the last test, also when a
 * test fails), and resolves {@link WarehouseClient}, {@link SimulatorHandle} and {@link WarehouseInfo}
 * parameters. Its data (PostgreSQL, the gateway's outbox) lives in a temporary folder that is deleted
 * afterwards.
 */
public final class StockSenseExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(StockSenseExtension.class);

    /** What the store holds for a test class; closed by JUnit when the class is done. */
    private record Running(LocalWarehouse warehouse, Path dataDir, WarehouseInfo info, WarehouseClient client,
                           SimulatorHandle simulators) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() throws IOException {
            try {
                warehouse.close();
            } finally {
                deleteTree(dataDir);
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        StockSenseWarehouse config = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), StockSenseWarehouse.class)
                .orElseThrow(() -> new ExtensionConfigurationException("@StockSenseWarehouse is missing on " + context.getRequiredTestClass()));
        context.getStore(NS).getOrComputeIfAbsent(Running.class, k -> start(config), Running.class);
    }

    private static Running start(StockSenseWarehouse config) {
        try {
            Path data = Files.createTempDirectory("stocksense-test-");
            Path siteFile = siteFile(config.site(), data);
            Site site = SiteLoader.load(siteFile);
            String gatewayId = config.gateway().isEmpty() ? site.gateways().get(0).id() : config.gateway();
            String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
            CloudConfig cloud = new CloudConfig(0, 0, data, null, null, null, null, password, List.of(siteFile), false);
            LocalWarehouse warehouse = LocalWarehouse.start(cloud, site, gatewayId, data.resolve("gateways").resolve(gatewayId), 0,
                    Duration.ofSeconds(5));
            WarehouseInfo info = new WarehouseInfo(site.siteId(), gatewayId, warehouse.cloud().baseUrl(), warehouse.cloud().mqttUrl(),
                    "http://127.0.0.1:" + warehouse.gateway().httpPort() + "/health", password);
            Set<DeviceFamily> families = EnumSet.noneOf(DeviceFamily.class);
            for (Simulators s : config.simulators()) {
                families.add(s.family);
            }
            return new Running(warehouse, data, info, new WarehouseClient(info.baseUrl(), "admin", password),
                    new SimulatorHandle(warehouse, families));
        } catch (IOException | SiteConfigException e) {
            throw new ExtensionConfigurationException("@StockSenseWarehouse(site = \"" + config.site() + "\"): " + e.getMessage(), e);
        }
    }

    /** The site file as a path: as given, or a {@code classpath:} resource copied into the data folder. */
    private static Path siteFile(String site, Path data) throws IOException {
        if (!site.startsWith("classpath:")) {
            Path p = Path.of(site);
            if (!Files.isRegularFile(p)) {
                throw new IOException("no site file " + p.toAbsolutePath());
            }
            return p;
        }
        String resource = site.substring("classpath:".length()).replaceFirst("^/", "");
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no site file " + resource + " on the class path");
            }
            Path copy = data.resolve(Path.of(resource).getFileName());
            Files.copy(in, copy);
            return copy;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == WarehouseClient.class || type == SimulatorHandle.class || type == WarehouseInfo.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Running running = context.getStore(NS).get(Running.class, Running.class);
        if (running == null) {
            throw new ExtensionConfigurationException("the StockSense warehouse is not running (is the class annotated @StockSenseWarehouse?)");
        }
        Class<?> type = parameter.getParameter().getType();
        if (type == WarehouseClient.class) {
            return running.client();
        }
        if (type == SimulatorHandle.class) {
            return running.simulators();
        }
        return running.info();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
