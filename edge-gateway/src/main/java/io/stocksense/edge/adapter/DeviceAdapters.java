package io.stocksense.edge.adapter;

import io.stocksense.config.Device;
import io.stocksense.config.Transport;
import io.stocksense.edge.health.DeviceStatus;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** Finds the registered transports and creates one adapter per transport the gateway's devices use. */
public final class DeviceAdapters {

    private DeviceAdapters() {
    }

    public static Map<Transport, DeviceAdapterFactory> registered() {
        Map<Transport, DeviceAdapterFactory> out = new EnumMap<>(Transport.class);
        for (DeviceAdapterFactory f : ServiceLoader.load(DeviceAdapterFactory.class, DeviceAdapters.class.getClassLoader())) {
            out.putIfAbsent(f.transport(), f);
        }
        return out;
    }

    /**
     * Adapters for the devices, grouped by transport. Devices whose transport has no registered adapter
     * are marked OFFLINE with {@code CONFIGURATION_ERROR} and skipped.
     */
    public static List<DeviceAdapter> create(AdapterContext context, List<Device> devices) {
        Map<Transport, DeviceAdapterFactory> factories = registered();
        Map<Transport, List<Device>> byTransport = new LinkedHashMap<>();
        for (Device d : devices) {
            if (context.status().hasConfigurationError(d.id())) {
                continue;
            }
            if (!factories.containsKey(d.transport())) {
                context.status().offline(d.id(), DeviceStatus.Reason.CONFIGURATION_ERROR,
                        "transport " + d.transport().yamlName() + " is not available in this gateway build; available: " + factories.keySet());
                continue;
            }
            byTransport.computeIfAbsent(d.transport(), t -> new ArrayList<>()).add(d);
        }
        List<DeviceAdapter> adapters = new ArrayList<>();
        byTransport.forEach((t, list) -> adapters.add(factories.get(t).create(context, list)));
        return adapters;
    }
}
