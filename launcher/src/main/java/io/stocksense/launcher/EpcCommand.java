package io.stocksense.launcher;

import io.stocksense.protocol.Json;
import io.stocksense.protocol.epc.EpcCodec;
import io.stocksense.protocol.epc.EpcDecodeResult;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code stocksense epc HEX}: prints the decoded EPC as one JSON object; exit 1 when it has no identity. */
final class EpcCommand {

    private EpcCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 1) {
            err.println("usage: stocksense epc HEX   (for example: stocksense epc 3074257BF7194E4000001A85)");
            return 2;
        }
        EpcDecodeResult result = EpcCodec.decode(args[0].trim());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("epc", args[0].trim().toUpperCase(java.util.Locale.ROOT));
        json.put("result", result.kind().name().toLowerCase(java.util.Locale.ROOT));
        if (result.isDecoded()) {
            json.put("scheme", result.identity().getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT));
            json.put("identity", result.identity());
        } else {
            json.put("reason", result.reason());
        }
        out.println(Json.writeString(json));
        return result.isDecoded() ? 0 : 1;
    }
}
