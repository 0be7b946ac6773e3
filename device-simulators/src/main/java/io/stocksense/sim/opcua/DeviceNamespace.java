package io.stocksense.sim.opcua;

import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.model.variables.AnalogItemTypeNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.nodes.factories.NodeFactory;
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.EUInformation;
import org.eclipse.milo.opcua.stack.core.types.structured.Range;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The simulator's address space (namespace index 2, string node ids):
 * <pre>
 * Objects/Scale1                      a scale after OPC 40200 (ScaleDeviceType), weights in grams
 *   CurrentWeight/Gross, Net, Tare    Double
 *   CurrentWeight/WeightStable, Overload, Underload   Boolean
 * Objects/Cold1/Temperature           Double, AnalogItemType, EURange -40..60, EngineeringUnits CEL (4408652)
 * </pre>
 * Values come from a supplier so a restarted server shows the values set before the restart. Data
 * changes reach subscribers through Milo's {@link SubscriptionModel}, which samples the nodes.
 */
final class DeviceNamespace extends ManagedNamespaceWithLifecycle {

    static final String URI = "urn:stocksense:sim:devices";
    /** UNECE code CEL as OPC UA encodes it: ('C' << 16) | ('E' << 8) | 'L'. */
    static final int UNIT_ID_CELSIUS = 4408652;

    private final SubscriptionModel subscriptionModel;
    private final Map<String, UaVariableNode> variables = new ConcurrentHashMap<>();
    private final Function<String, Object> initialValues;

    DeviceNamespace(OpcUaServer server, Function<String, Object> initialValues) {
        super(server, URI);
        this.initialValues = initialValues;
        this.subscriptionModel = new SubscriptionModel(server, this);
        getLifecycleManager().addLifecycle(subscriptionModel);
        getLifecycleManager().addStartupTask(this::createNodes);
    }

    /** Sets a variable's value (Good, source time now); unknown paths are a programming error. */
    void set(String path, Object value) {
        UaVariableNode node = variables.get(path);
        if (node == null) {
            throw new IllegalArgumentException("no variable " + path + "; known: " + variables.keySet());
        }
        node.setValue(new DataValue(new Variant(value)));
    }

    private void createNodes() {
        UaFolderNode scale = folder("Scale1");
        UaFolderNode weight = folder("Scale1/CurrentWeight");
        scale.addOrganizes(weight);
        for (String name : List.of("Gross", "Net", "Tare")) {
            weight.addOrganizes(variable("Scale1/CurrentWeight/" + name, NodeIds.Double));
        }
        for (String name : List.of("WeightStable", "Overload", "Underload")) {
            weight.addOrganizes(variable("Scale1/CurrentWeight/" + name, NodeIds.Boolean));
        }
        UaFolderNode cold = folder("Cold1");
        cold.addOrganizes(temperature("Cold1/Temperature"));
    }

    /** A folder; a top-level one (no '/' in its path) is organized by the Objects folder. */
    private UaFolderNode folder(String path) {
        UaFolderNode folder = new UaFolderNode(getNodeContext(), newNodeId(path), newQualifiedName(last(path)),
                LocalizedText.english(last(path)));
        getNodeManager().addNode(folder);
        if (path.indexOf('/') < 0) {
            folder.addReference(new Reference(folder.getNodeId(), NodeIds.Organizes, NodeIds.ObjectsFolder.expanded(),
                    Reference.Direction.INVERSE));
        }
        return folder;
    }

    private UaVariableNode variable(String path, NodeId dataType) {
        UaVariableNode node = new UaVariableNode.UaVariableNodeBuilder(getNodeContext())
                .setNodeId(newNodeId(path))
                .setAccessLevel(AccessLevel.READ_ONLY)
                .setUserAccessLevel(AccessLevel.READ_ONLY)
                .setBrowseName(newQualifiedName(last(path)))
                .setDisplayName(LocalizedText.english(last(path)))
                .setDataType(dataType)
                .setTypeDefinition(NodeIds.BaseDataVariableType)
                .build();
        node.setValue(new DataValue(new Variant(initialValues.apply(path))));
        return add(path, node);
    }

    private UaVariableNode temperature(String path) {
        try {
            AnalogItemTypeNode node = (AnalogItemTypeNode) getNodeFactory().createNode(newNodeId(path), NodeIds.AnalogItemType,
                    new NodeFactory.InstantiationCallback() {
                        @Override
                        public boolean includeOptionalNode(NodeId typeDefinitionId, QualifiedName browseName) {
                            return true; // EngineeringUnits is optional in AnalogItemType
                        }
                    });
            node.setBrowseName(newQualifiedName(last(path)));
            node.setDisplayName(LocalizedText.english(last(path)));
            node.setDataType(NodeIds.Double);
            node.setEuRange(new Range(-40.0, 60.0));
            node.setEngineeringUnits(new EUInformation("http://www.opcfoundation.org/UA/units/un/cefact", UNIT_ID_CELSIUS,
                    LocalizedText.english("°C"), LocalizedText.english("degree Celsius")));
            node.setValue(new DataValue(new Variant(initialValues.apply(path))));
            return add(path, node);
        } catch (UaException e) {
            throw new IllegalStateException("cannot instantiate AnalogItemType for " + path + ": " + e.getMessage(), e);
        }
    }

    private UaVariableNode add(String path, UaVariableNode node) {
        getNodeManager().addNode(node);
        variables.put(path, node);
        return node;
    }

    private static String last(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    @Override
    public void onDataItemsCreated(List<DataItem> dataItems) {
        subscriptionModel.onDataItemsCreated(dataItems);
    }

    @Override
    public void onDataItemsModified(List<DataItem> dataItems) {
        subscriptionModel.onDataItemsModified(dataItems);
    }

    @Override
    public void onDataItemsDeleted(List<DataItem> dataItems) {
        subscriptionModel.onDataItemsDeleted(dataItems);
    }

    @Override
    public void onMonitoringModeChanged(List<MonitoredItem> monitoredItems) {
        subscriptionModel.onMonitoringModeChanged(monitoredItems);
    }
}
