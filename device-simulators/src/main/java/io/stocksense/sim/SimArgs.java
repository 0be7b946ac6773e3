package io.stocksense.sim;

import io.stocksense.config.DeviceFamily;
import io.stocksense.config.Durations;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * The parsed command line of {@link SimMain}; {@link #parse} names what is wrong. The subcommands
 * {@code list}, {@code run SCENARIO} and {@code validate FILE}, and the original option form
 * {@code --site FILE --scenario NAME} / {@code --list}, which stays for scripts written against it.
 *
 * @param scenario a scenario name or a path to a YAML scenario ({@code run}); the file ({@code validate})
 * @param seed     null: the scenario's own default (1 for the built-in ones)
 */
record SimArgs(Command command, String site, String scenario, String mqttUrl, Long seed, Integer cases, Duration duration,
               Set<DeviceFamily> families) {

    enum Command { LIST, RUN, VALIDATE, HELP }

    static SimArgs parse(String[] args, String defaultMqttUrl, String defaultSite) {
        Command command = null;
        String positional = null;
        String site = null;
        String scenario = null;
        String mqtt = defaultMqttUrl;
        Long seed = null;
        Integer cases = null;
        Duration duration = null;
        Set<DeviceFamily> families = EnumSet.allOf(DeviceFamily.class);
        int i = 0;
        if (args.length > 0 && !args[0].startsWith("-")) {
            command = switch (args[0]) {
                case "list" -> Command.LIST;
                case "run" -> Command.RUN;
                case "validate" -> Command.VALIDATE;
                case "help" -> Command.HELP;
                default -> throw new IllegalArgumentException("unknown command '" + args[0] + "'; valid: list, run, validate");
            };
            i = 1;
            if (command == Command.RUN || command == Command.VALIDATE) {
                if (args.length < 2 || args[1].startsWith("--")) {
                    throw new IllegalArgumentException(args[0] + " needs a " + (command == Command.RUN ? "scenario name or file" : "scenario file"));
                }
                positional = args[1];
                i = 2;
            }
        }
        for (; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--list" -> command = Command.LIST;
                case "--help", "-h" -> command = Command.HELP;
                case "--site" -> site = value(args, ++i, a);
                case "--scenario" -> scenario = value(args, ++i, a);
                case "--mqtt" -> mqtt = value(args, ++i, a);
                case "--seed" -> seed = number(value(args, ++i, a), a);
                case "--cases" -> cases = (int) (long) number(value(args, ++i, a), a);
                case "--duration" -> duration = duration(value(args, ++i, a));
                case "--devices" -> families = families(value(args, ++i, a));
                default -> throw new IllegalArgumentException("unknown option '" + a + "'");
            }
        }
        if (command == null) {
            command = Command.RUN;
        }
        if (positional != null) {
            scenario = positional;
        }
        if (command == Command.RUN || command == Command.VALIDATE) {
            if (scenario == null) {
                throw new IllegalArgumentException("--scenario NAME is required; valid: " + String.join(", ", ScenarioRunner.scenarioNames()));
            }
            if (site == null) {
                site = defaultSite;
            }
            if (site == null && command == Command.RUN) {
                throw new IllegalArgumentException("--site FILE is required");
            }
            if (command == Command.RUN && !isFile(scenario) && !ScenarioRunner.scenarioNames().contains(scenario)) {
                throw new IllegalArgumentException("unknown scenario '" + scenario + "'; valid: " + String.join(", ", ScenarioRunner.scenarioNames())
                        + ", or a .yaml file");
            }
        }
        if (cases != null && (cases < 1 || cases > 10_000)) {
            throw new IllegalArgumentException("--cases must be 1..10000, was " + cases);
        }
        return new SimArgs(command, site, scenario, mqtt, seed, cases, duration, families);
    }

    /** Whether a scenario argument names a YAML file rather than a built-in or bundled scenario. */
    static boolean isFile(String scenario) {
        return scenario.endsWith(".yaml") || scenario.endsWith(".yml") || scenario.contains("/");
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static long number(String s, String option) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number, was '" + s + "'");
        }
    }

    private static Duration duration(String s) {
        try {
            Duration d = Durations.parse(s);
            if (d.isZero()) {
                throw new IllegalArgumentException("must be above zero");
            }
            return d;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--duration: " + e.getMessage());
        }
    }

    private static Set<DeviceFamily> families(String list) {
        Set<DeviceFamily> out = EnumSet.noneOf(DeviceFamily.class);
        for (String name : list.split(",")) {
            DeviceFamily f = Arrays.stream(DeviceFamily.values()).filter(x -> x.yamlName().equals(name.trim())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("--devices: unknown device family '" + name.trim() + "'; valid: "
                            + String.join(", ", Arrays.stream(DeviceFamily.values()).map(DeviceFamily::yamlName).toList())));
            out.add(f);
        }
        return out;
    }
}
