package io.stocksense.cloud;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

/**
 * One real cloud-core per test class: embedded PostgreSQL and embedded HiveMQ on random ports, a
 * fresh data directory, the demo site's master data, and a known admin password.
 */
abstract class CloudITSupport {

    static final String ADMIN_PASSWORD = "it-admin-password-0123456789";
    static final Path DEMO_SITE = Path.of("../firmware-config/sites/demo.yaml");

    @TempDir
    static Path dataDir;

    static CloudCore core;
    static RestClient rest;

    @BeforeAll
    static void startCloud() {
        core = CloudCore.start(config(dataDir).withAdminPassword(ADMIN_PASSWORD));
        rest = new RestClient(core.baseUrl());
    }

    @AfterAll
    static void stopCloud() {
        if (core != null) {
            core.close();
            core = null;
        }
    }

    /** Random ports, the demo site, no external servers, no admin password. */
    static CloudConfig config(Path dir) {
        return new CloudConfig(0, 0, dir, null, null, null, null, null, List.of(DEMO_SITE), false);
    }

    static String adminToken() {
        return rest.token("admin", ADMIN_PASSWORD);
    }
}
