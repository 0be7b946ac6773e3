package io.stocksense.edge.adapter.opcua;

import io.stocksense.config.Device;
import io.stocksense.config.Transport;
import io.stocksense.edge.adapter.AdapterContext;
import io.stocksense.edge.adapter.DeviceAdapter;
import io.stocksense.edge.health.DeviceStatus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Reads the gateway's OPC UA devices: one {@link OpcUaEndpointClient} per endpoint and security
 * setting, one subscription per device. There is no byte codec: the device's {@code codec} names the
 * information model ({@link OpcUaDeviceSettings#CODECS}) and {@link OpcUaReadingMapper} turns values
 * into readings. A device whose settings are wrong is OFFLINE with {@code CONFIGURATION_ERROR} and
 * never subscribed; the others keep running.
 */
public final class OpcUaDeviceAdapter implements DeviceAdapter {

    private final List<OpcUaEndpointClient> clients = new ArrayList<>();

    public OpcUaDeviceAdapter(AdapterContext ctx, List<Device> devices) {
        String applicationUri = "urn:stocksense:edge:" + ctx.config().site().siteId() + ":" + ctx.config().gatewayId();
        Path pki = ctx.config().gatewayDir().resolve("opcua").resolve("pki");
        OpcUaClientSecurity.ClientIdentity identity = new OpcUaClientSecurity.ClientIdentity(applicationUri);
        Map<String, List<Device>> byClient = new LinkedHashMap<>();
        Map<String, OpcUaDeviceSettings> settingsOf = new LinkedHashMap<>();
        for (Device d : devices) {
            if (d.transport() != Transport.OPCUA || ctx.status().hasConfigurationError(d.id())) {
                continue;
            }
            try {
                OpcUaDeviceSettings s = OpcUaDeviceSettings.of(d);
                settingsOf.put(d.id(), s);
                byClient.computeIfAbsent(s.clientKey(), k -> new ArrayList<>()).add(d);
            } catch (IllegalArgumentException e) {
                ctx.status().offline(d.id(), DeviceStatus.Reason.CONFIGURATION_ERROR, e.getMessage());
            }
        }
        byClient.forEach((key, list) -> {
            OpcUaDeviceSettings first = settingsOf.get(list.get(0).id());
            ExecutorService delivery = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "opcua-deliver-" + first.endpoint());
                t.setDaemon(true);
                return t;
            });
            List<OpcUaDeviceBinding> bindings = list.stream().map(d -> new OpcUaDeviceBinding(d, settingsOf.get(d.id()),
                    ctx.status(), ctx.sink(), ctx.clock(), delivery)).toList();
            clients.add(new OpcUaEndpointClient(first.endpoint(),
                    OpcUaClientSecurity.of(first, applicationUri, identity, pki), bindings, delivery));
        });
    }

    /** Starts connecting every endpoint in the background; returns at once. */
    @Override
    public void start() {
        clients.forEach(OpcUaEndpointClient::start);
    }

    /** Whether every endpoint has a connected client. */
    public boolean isConnected() {
        return clients.stream().allMatch(OpcUaEndpointClient::isConnected);
    }

    @Override
    public void close() {
        clients.forEach(OpcUaEndpointClient::close);
    }
}
