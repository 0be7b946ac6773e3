package io.stocksense.edge.adapter.opcua;

import io.stocksense.config.Device;
import io.stocksense.edge.adapter.ReadingSink;
import io.stocksense.edge.codec.DecodeResult;
import io.stocksense.edge.health.DeviceStatus;
import io.stocksense.edge.health.DeviceStatusBoard;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.subscriptions.MonitoredItemSynchronizationException;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

/**
 * One OPC UA device on a connected client: its own subscription with one monitored data item per
 * configured node. Data changes are mapped by {@link OpcUaReadingMapper} on the endpoint's delivery
 * thread (never on Milo's or a Vert.x thread) and handed to the {@link ReadingSink}, which blocks until
 * they are stored. The mapper outlives reconnects, so values re-sent after a reconnect repeat nothing.
 */
final class OpcUaDeviceBinding {

    private static final Logger LOG = LoggerFactory.getLogger(OpcUaDeviceBinding.class);

    private final Device device;
    private final OpcUaDeviceSettings settings;
    private final OpcUaReadingMapper mapper;
    private final DeviceStatusBoard status;
    private final ReadingSink sink;
    private final Clock clock;
    private final Executor delivery;

    OpcUaDeviceBinding(Device device, OpcUaDeviceSettings settings, DeviceStatusBoard status, ReadingSink sink, Clock clock,
                       Executor delivery) {
        this.device = device;
        this.settings = settings;
        this.mapper = new OpcUaReadingMapper(device.id(), settings);
        this.status = status;
        this.sink = sink;
        this.clock = clock;
        this.delivery = delivery;
    }

    String deviceId() {
        return device.id();
    }

    /**
     * Creates this device's subscription and monitored items on a freshly connected client (blocking;
     * the endpoint's connect thread). ONLINE when every item was created; a node the server rejects
     * (e.g. {@code Bad_NodeIdUnknown}) makes the device OFFLINE with {@code CONFIGURATION_ERROR}.
     *
     * @throws UaException when the server could not be reached; the caller reconnects
     */
    void subscribe(OpcUaClient client) throws UaException {
        OpcUaSubscription subscription = new OpcUaSubscription(client, (double) settings.publishingInterval().toMillis());
        subscription.setSubscriptionListener(new OpcUaSubscription.SubscriptionListener() {
            @Override
            public void onDataReceived(OpcUaSubscription s, List<OpcUaMonitoredItem> items, List<DataValue> values) {
                List<NodeSample> samples = new ArrayList<>(items.size());
                for (int i = 0; i < items.size(); i++) {
                    samples.add(sample(items.get(i), values.get(i)));
                }
                delivery.execute(() -> deliver(samples));
            }
        });
        for (Map.Entry<OpcUaDeviceSettings.Role, String> e : settings.nodes().entrySet()) {
            OpcUaMonitoredItem item = OpcUaMonitoredItem.newDataItem(NodeId.parse(e.getValue()));
            item.setSamplingInterval(settings.samplingInterval().toMillis());
            item.setUserObject(e.getKey());
            subscription.addMonitoredItem(item);
        }
        subscription.create();
        try {
            subscription.synchronizeMonitoredItems();
        } catch (MonitoredItemSynchronizationException e) {
            LOG.debug("{}: some monitored items failed: {}", device.id(), e.getMessage());
        }
        List<String> failed = subscription.getMonitoredItems().stream()
                .filter(i -> i.getCreateResult().map(StatusCode::isBad).orElse(true))
                .map(i -> role(i).option() + " " + i.getReadValueId().getNodeId().toParseableString() + ": "
                        + i.getCreateResult().map(OpcUaDeviceBinding::statusText).orElse("not created"))
                .collect(Collectors.toList());
        if (failed.isEmpty()) {
            status.online(device.id());
        } else {
            status.offline(device.id(), DeviceStatus.Reason.CONFIGURATION_ERROR, "the server rejected " + failed);
        }
    }

    void offline(String reason) {
        if (!status.hasConfigurationError(device.id())) {
            status.offline(device.id(), DeviceStatus.Reason.COMMUNICATION_ERROR, reason);
        }
    }

    private void deliver(List<NodeSample> samples) {
        Instant receivedAt = clock.instant();
        DecodeResult result = mapper.accept(samples);
        if (result.readings().isEmpty() && result.rejections().isEmpty()) {
            return;
        }
        byte[] payload = samples.stream().map(NodeSample::describe).collect(Collectors.joining("\n"))
                .getBytes(StandardCharsets.UTF_8);
        try {
            sink.accept(device, device.codec(), payload, result, receivedAt);
        } catch (RuntimeException e) {
            // OPC UA has no redelivery: the value stays current on the server, and the next sample re-emits it.
            mapper.forget();
            LOG.error("{}: could not store a reading: {}", device.id(), e.toString(), e);
        }
    }

    private static NodeSample sample(OpcUaMonitoredItem item, DataValue value) {
        StatusCode code = value.getStatusCode() == null ? StatusCode.GOOD : value.getStatusCode();
        Object v = value.getValue() == null ? null : value.getValue().getValue();
        Instant source = value.getSourceTime() == null ? null : value.getSourceTime().getJavaInstant();
        return new NodeSample(role(item), item.getReadValueId().getNodeId().toParseableString(), v, code.isGood(),
                statusText(code), source);
    }

    private static OpcUaDeviceSettings.Role role(OpcUaMonitoredItem item) {
        return (OpcUaDeviceSettings.Role) item.getUserObject().orElseThrow();
    }

    /** {@code Bad_NodeIdUnknown (0x80340000)}. */
    static String statusText(StatusCode code) {
        String name = StatusCodes.lookup(code.getValue()).map(n -> n[0]).orElse("StatusCode");
        return name + " (0x" + String.format("%08X", code.getValue()) + ")";
    }
}
