package io.stocksense.junit;

/**
 * Where the test's warehouse runs.
 *
 * @param baseUrl          cloud-core, e.g. {@code http://127.0.0.1:41234}; the REST API is under {@code /api/v1}
 * @param mqttUrl          the broker devices and the gateway use, e.g. {@code tcp://127.0.0.1:41235}
 * @param gatewayHealthUrl the gateway's {@code /health}
 * @param adminPassword    the password of user {@code admin}, random per test class
 */
public record WarehouseInfo(String siteId, String gatewayId, String baseUrl, String mqttUrl, String gatewayHealthUrl,
                            String adminPassword) {

    @Override
    public String toString() {
        return "WarehouseInfo[site=" + siteId + ", gateway=" + gatewayId + ", baseUrl=" + baseUrl + ", mqttUrl=" + mqttUrl + "]";
    }
}
