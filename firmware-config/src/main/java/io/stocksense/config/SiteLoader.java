package io.stocksense.config;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads and validates a site file (format: {@code sites/demo.yaml}). The YAML is read as a node tree
 * (never constructed into arbitrary Java types), so every value keeps its line, and validation goes
 * through the whole file before failing, so the author sees every error at once.
 *
 * <p>Thread-safe (stateless). Blocking file I/O in {@link #load}: call it off any event loop.
 */
public final class SiteLoader {

    static final List<String> TOP_KEYS = List.of("site", "name", "products", "warehouses", "gateways", "devices");

    private SiteLoader() {
    }

    /**
     * Reads and validates a site file. Errors name the file as given.
     *
     * @throws SiteConfigException with every problem found, including an unreadable file
     */
    public static Site load(Path file) throws SiteConfigException {
        String source = file.toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SiteConfigException(List.of(new ConfigError(source, 0, "file", "cannot read: " + e)));
        }
        return parse(text, source);
    }

    /**
     * Validates site YAML held in memory.
     *
     * @param sourceName the name errors report as their file
     * @throws SiteConfigException with every problem found
     */
    public static Site parse(String yaml, String sourceName) throws SiteConfigException {
        Problems problems = new Problems(sourceName);
        Node root = compose(yaml, problems);
        Site site = null;
        if (root == null && problems.isEmpty()) {
            problems.add(1, "site", "is required (the file is empty)");
        } else if (root != null) {
            site = read(root, problems);
        }
        if (!problems.isEmpty()) {
            throw new SiteConfigException(problems.errors());
        }
        return site;
    }

    private static Node compose(String yaml, Problems problems) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        // compose() builds nodes only; the safe constructor makes sure nothing can ever instantiate a tag.
        Yaml parser = new Yaml(new SafeConstructor(options));
        try {
            return parser.compose(new StringReader(yaml == null ? "" : yaml));
        } catch (MarkedYAMLException e) {
            // The problem mark is where the parser gave up; the context mark, when there is one, is
            // where the construct it was reading began (an unclosed quote), which is what to fix.
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String context = "";
            if (e.getContext() != null) {
                Mark start = e.getContextMark();
                context = " (" + e.getContext().trim()
                        + (start != null && start != mark ? " that starts on line " + (start.getLine() + 1) : "") + ")";
            }
            problems.add(mark == null ? 1 : mark.getLine() + 1, "yaml", e.getProblem() + context);
        } catch (YAMLException e) {
            problems.add(1, "yaml", String.valueOf(e.getMessage()));
        }
        return null;
    }

    private static Site read(Node root, Problems problems) {
        YamlMap top = YamlMap.of(root, "", problems, TOP_KEYS);
        if (top == null) {
            return null;
        }
        String siteId = top.id("site", true);
        String name = top.string("name", false);
        CatalogParser catalog = new CatalogParser(problems);
        catalog.products(top.maps("products", CatalogParser.PRODUCT_KEYS));
        catalog.warehouses(top.maps("warehouses", CatalogParser.WAREHOUSE_KEYS));
        catalog.gateways(top.maps("gateways", CatalogParser.GATEWAY_KEYS));
        DeviceParser devices = new DeviceParser(problems, catalog);
        devices.devices(top.maps("devices", DeviceParser.DEVICE_KEYS));
        if (!problems.isEmpty() || siteId == null) {
            return null;
        }
        return new Site(siteId, name, catalog.products, catalog.warehouses, catalog.gateways, devices.devices);
    }
}
