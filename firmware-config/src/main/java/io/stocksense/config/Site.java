package io.stocksense.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated site: its warehouses (zones and locations), gateways, devices and the product
 * catalogue the devices need (GTINs, unit weights). Built only by {@link SiteLoader}, which has
 * already checked every cross-reference, so lookups here never find a dangling id.
 */
public record Site(String siteId, String name, List<Product> products, List<Warehouse> warehouses,
                   List<Gateway> gateways, List<Device> devices) {

    public Site {
        Objects.requireNonNull(siteId, "siteId");
        products = List.copyOf(products);
        warehouses = List.copyOf(warehouses);
        gateways = List.copyOf(gateways);
        devices = List.copyOf(devices);
    }

    public Optional<Product> product(String sku) {
        return products.stream().filter(p -> p.sku().equals(sku)).findFirst();
    }

    public Optional<Product> productByGtin(String gtin14) {
        return products.stream().filter(p -> gtin14.equals(p.gtin())).findFirst();
    }

    public Optional<Warehouse> warehouse(String code) {
        return warehouses.stream().filter(w -> w.code().equals(code)).findFirst();
    }

    public Optional<Gateway> gateway(String id) {
        return gateways.stream().filter(g -> g.id().equals(id)).findFirst();
    }

    public Optional<Device> device(String id) {
        return devices.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /** The devices one gateway reads. */
    public List<Device> devicesOf(String gatewayId) {
        return devices.stream().filter(d -> d.gateway().equals(gatewayId)).toList();
    }
}
