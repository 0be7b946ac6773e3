package io.stocksense.edge.adapter.serial;

import io.stocksense.config.Device;
import io.stocksense.config.Transport;
import io.stocksense.edge.adapter.AdapterContext;
import io.stocksense.edge.adapter.DeviceAdapter;
import io.stocksense.edge.adapter.DeviceAdapterFactory;

import java.util.List;

/** Serial devices (scales, indicators, barcode scanners) through jSerialComm, one thread per port. */
public final class SerialAdapterFactory implements DeviceAdapterFactory {

    @Override
    public Transport transport() {
        return Transport.SERIAL;
    }

    @Override
    public DeviceAdapter create(AdapterContext ctx, List<Device> devices) {
        return new SerialDeviceAdapter(devices, ctx.codecs(), ctx.status(), ctx.sink(), ctx.clock());
    }
}
