package io.stocksense.edge.adapter.mqtt;

import io.stocksense.config.Device;
import io.stocksense.config.Transport;
import io.stocksense.edge.adapter.AdapterContext;
import io.stocksense.edge.adapter.DeviceAdapter;
import io.stocksense.edge.adapter.DeviceAdapterFactory;

import java.util.List;

/** MQTT devices: one client on the gateway's device broker ({@code STOCKSENSE_DEVICE_MQTT_URL}). */
public final class MqttAdapterFactory implements DeviceAdapterFactory {

    @Override
    public Transport transport() {
        return Transport.MQTT;
    }

    @Override
    public DeviceAdapter create(AdapterContext ctx, List<Device> devices) {
        String clientId = "stocksense-" + ctx.config().site().siteId() + "-" + ctx.config().gatewayId() + "-devices";
        return new MqttDeviceAdapter(ctx.config().deviceMqttUrl(), clientId, devices, ctx.codecs(), ctx.status(),
                ctx.sink(), ctx.clock());
    }
}
