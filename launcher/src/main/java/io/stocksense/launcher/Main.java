package io.stocksense.launcher;

import java.util.Arrays;

/**
 * Entry point of {@code ./stocksense}. Each subcommand hands its arguments to the module that owns it;
 * this class only dispatches and prints usage.
 */
public final class Main {

    static final String USAGE = """
            usage: stocksense <command> [options]

              demo                                  a whole warehouse in one process: embedded PostgreSQL and
                                                    broker, cloud-core, one gateway, simulators; prints the
                                                    dashboard URL and the admin credentials
              cloud [--site FILE]                   cloud-core (env: STOCKSENSE_HTTP_PORT, STOCKSENSE_MQTT_PORT,
                                                    STOCKSENSE_DATA_DIR, STOCKSENSE_DB_URL, STOCKSENSE_MQTT_URL,
                                                    STOCKSENSE_ADMIN_PASSWORD, STOCKSENSE_SITE)
              edge --site FILE --gateway ID         one edge gateway (env: STOCKSENSE_MQTT_URL,
                                                    STOCKSENSE_DEVICE_MQTT_URL, STOCKSENSE_DATA_DIR)
              sim --site FILE --scenario NAME       play a device scenario (--list shows the scenarios;
                  [--mqtt URL] [--seed N]           env: STOCKSENSE_MQTT_URL)
              decode --codec NAME [--lines] FILE    run a device's payloads through a codec: one JSON line per
                                                    reading or rejection (--lines: one payload per line)
              epc HEX                               decode a GS1 EPC (SGTIN-96, SSCC-96, GRAI-96)
              backup --out FILE                     a consistent backup of the cloud database, also while it runs
                                                    (env: STOCKSENSE_DB_URL or STOCKSENSE_DATA_DIR)
              restore FILE [--replace]              restore a backup into the configured database (cloud-core
                                                    stopped; --replace empties a database that holds data)
              audit-verify                          re-compute the audit log's hash chain; exit 1 if tampered
              ca --site FILE --out DIR [--host H]   a development CA, TLS certificates (cloud, one per gateway)
                                                    and MQTT logins for a site; use with STOCKSENSE_TLS_DIR=DIR
            """;

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        // Our logging setup by name: a bare logback.xml would clash with the one HiveMQ's jar ships.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "stocksense-logback.xml");
        }
        if (args.length == 0 || "help".equals(args[0]) || "--help".equals(args[0]) || "-h".equals(args[0])) {
            System.out.print(USAGE);
            System.exit(args.length == 0 ? 2 : 0);
            return;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "demo" -> DemoMain.main(rest);
            case "cloud" -> io.stocksense.cloud.CloudMain.main(rest);
            case "edge" -> io.stocksense.edge.EdgeMain.main(rest);
            case "sim" -> io.stocksense.sim.SimMain.main(rest);
            case "epc" -> System.exit(EpcCommand.run(rest, System.out, System.err));
            case "decode" -> System.exit(DecodeCommand.run(rest, System.out, System.err));
            case "backup", "restore", "audit-verify" ->
                    System.exit(io.stocksense.cloud.CloudTools.run(args[0], rest, System.getenv(), System.out, System.err));
            case "ca" -> System.exit(DevCaCommand.run(rest, System.out, System.err));
            default -> {
                System.err.println("stocksense: unknown command '" + args[0] + "'");
                System.err.print(USAGE);
                System.exit(2);
            }
        }
    }
}
