package io.stocksense.sim;

/** The parsed command line of {@link SimMain}; {@link #parse} names what is wrong. */
record SimArgs(String site, String scenario, String mqttUrl, long seed, Integer cases, boolean list, boolean help) {

    static SimArgs parse(String[] args, String defaultMqttUrl) {
        String site = null;
        String scenario = null;
        String mqtt = defaultMqttUrl;
        long seed = 1;
        Integer cases = null;
        boolean list = false;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--list" -> list = true;
                case "--help", "-h" -> help = true;
                case "--site" -> site = value(args, ++i, a);
                case "--scenario" -> scenario = value(args, ++i, a);
                case "--mqtt" -> mqtt = value(args, ++i, a);
                case "--seed" -> seed = number(value(args, ++i, a), a);
                case "--cases" -> cases = (int) number(value(args, ++i, a), a);
                default -> throw new IllegalArgumentException("unknown option '" + a + "'");
            }
        }
        if (list || help) {
            return new SimArgs(site, scenario, mqtt, seed, cases, list, help);
        }
        if (site == null) {
            throw new IllegalArgumentException("--site FILE is required");
        }
        if (scenario == null) {
            throw new IllegalArgumentException("--scenario NAME is required; valid: " + String.join(", ", ScenarioRunner.scenarioNames()));
        }
        if (!ScenarioRunner.scenarioNames().contains(scenario)) {
            throw new IllegalArgumentException("unknown scenario '" + scenario + "'; valid: " + String.join(", ", ScenarioRunner.scenarioNames()));
        }
        if (cases != null && (cases < 1 || cases > 10_000)) {
            throw new IllegalArgumentException("--cases must be 1..10000, was " + cases);
        }
        return new SimArgs(site, scenario, mqtt, seed, cases, false, false);
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
}
