package io.stocksense.launcher;

import io.stocksense.edge.codec.CodecRegistry;
import io.stocksense.edge.codec.DecodeResult;
import io.stocksense.edge.codec.DeviceCodec;
import io.stocksense.edge.codec.Rejection;
import io.stocksense.protocol.Json;
import io.stocksense.protocol.reading.Reading;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code stocksense decode --codec NAME [--lines] FILE}: runs a device's payloads through one codec and
 * prints each canonical reading as a JSON line, and each rejection as a JSON line with its reason, so
 * an integrator can check a device's output without running anything else. With {@code --lines} every
 * non-empty line of the file is one payload (serial frames, NDJSON captures); otherwise the whole file
 * is one payload, as one MQTT message would be. Exit 0 when nothing was rejected, 1 otherwise.
 */
final class DecodeCommand {

    static final String USAGE = "usage: stocksense decode --codec NAME [--lines] FILE";

    private DecodeCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String codecName = null;
        String file = null;
        boolean lines = false;
        for (int i = 0; i < args.length; i++) {
            if ("--codec".equals(args[i]) && i + 1 < args.length) {
                codecName = args[++i];
            } else if ("--lines".equals(args[i])) {
                lines = true;
            } else if (!args[i].startsWith("--") && file == null) {
                file = args[i];
            } else {
                err.println("stocksense decode: unexpected argument '" + args[i] + "'\n" + USAGE);
                return 2;
            }
        }
        CodecRegistry codecs = CodecRegistry.load();
        if (codecName == null || file == null) {
            err.println(USAGE + "\ncodecs: " + String.join(", ", codecs.names()));
            return 2;
        }
        DeviceCodec codec = codecs.find(codecName).orElse(null);
        if (codec == null) {
            err.println("stocksense decode: unknown codec '" + codecName + "'; known: " + String.join(", ", codecs.names()));
            return 2;
        }
        byte[] content;
        try {
            content = Files.readAllBytes(Path.of(file));
        } catch (NoSuchFileException e) {
            err.println("stocksense decode: no such file: " + file);
            return 2;
        } catch (IOException e) {
            err.println("stocksense decode: cannot read " + file + ": " + e.getMessage());
            return 2;
        }
        int rejected = 0;
        int payloadNo = 0;
        for (byte[] payload : lines ? splitLines(content) : List.of(content)) {
            payloadNo++;
            DecodeResult result = codec.decode("decode", payload, Instant.now());
            for (Reading r : result.readings()) {
                out.println(Json.writeString(r));
            }
            for (Rejection r : result.rejections()) {
                rejected++;
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("rejected", r.reason());
                line.put("payload", payloadNo);
                line.put("excerpt", r.excerpt());
                out.println(Json.writeString(line));
            }
        }
        return rejected == 0 ? 0 : 1;
    }

    private static List<byte[]> splitLines(byte[] content) {
        List<byte[]> out = new ArrayList<>();
        for (String line : new String(content, StandardCharsets.ISO_8859_1).split("\r?\n")) {
            if (!line.isBlank()) {
                out.add(line.getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        return out;
    }
}
