package io.stocksense.edge.codec;

import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/**
 * The device codecs found on the class path through {@link ServiceLoader}. Adding a vendor format
 * means adding a codec package and one line in its services file; nothing here changes.
 * Immutable and thread-safe once loaded.
 */
public final class CodecRegistry {

    private final Map<String, DeviceCodec> codecs;

    private CodecRegistry(Map<String, DeviceCodec> codecs) {
        this.codecs = Map.copyOf(codecs);
    }

    /** Loads every registered codec; two codecs claiming one name is a packaging error. */
    public static CodecRegistry load() {
        Map<String, DeviceCodec> found = new TreeMap<>();
        for (DeviceCodec codec : ServiceLoader.load(DeviceCodec.class, CodecRegistry.class.getClassLoader())) {
            DeviceCodec previous = found.putIfAbsent(codec.name(), codec);
            if (previous != null) {
                throw new IllegalStateException("two codecs are named '" + codec.name() + "': "
                        + previous.getClass().getName() + " and " + codec.getClass().getName());
            }
        }
        return new CodecRegistry(found);
    }

    public Optional<DeviceCodec> find(String name) {
        return Optional.ofNullable(name == null ? null : codecs.get(name));
    }

    public Set<String> names() {
        return new java.util.TreeSet<>(codecs.keySet());
    }
}
