package io.stocksense.edge.adapter.opcua;

import io.stocksense.config.Device;
import io.stocksense.config.Transport;
import io.stocksense.edge.adapter.AdapterContext;
import io.stocksense.edge.adapter.DeviceAdapter;
import io.stocksense.edge.adapter.DeviceAdapterFactory;

import java.util.List;

/** OPC UA devices through Eclipse Milo 1.x clients; see {@link OpcUaDeviceSettings} for the site-file options. */
public final class OpcUaAdapterFactory implements DeviceAdapterFactory {

    @Override
    public Transport transport() {
        return Transport.OPCUA;
    }

    @Override
    public DeviceAdapter create(AdapterContext context, List<Device> devices) {
        return new OpcUaDeviceAdapter(context, devices);
    }
}
