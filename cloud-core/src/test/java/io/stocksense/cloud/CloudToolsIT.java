package io.stocksense.cloud;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code stocksense backup / restore / audit-verify} against a running cloud-core's embedded database and a fresh one. */
class CloudToolsIT extends CloudITSupport {

    @Test
    void backupOfARunningCloudRestoresIntoAFreshDataDirectoryAndVerifies() throws Exception {
        new InventoryFixtures(rest, adminToken()).stock("TAPE-50", "WH1", "SHELF-A4", "7");
        Map<String, String> running = Map.of("STOCKSENSE_DATA_DIR", dataDir.toString());
        Path archive = Files.createTempDirectory("stocksense-cli").resolve("b.zip");

        Result backup = run("backup", running, "--out", archive.toString());
        assertThat(backup.code).as(backup.err).isZero();
        assertThat(backup.out).contains("backup of schema version").contains("written to " + archive);
        Result verify = run("audit-verify", running);
        assertThat(verify.code).as(verify.err).isZero();
        assertThat(verify.out).startsWith("audit log: ok");
        assertThat(run("restore", running, archive.toString()).err).contains("stop it before restoring");

        Map<String, String> fresh = Map.of("STOCKSENSE_DATA_DIR", Files.createTempDirectory("stocksense-cli-fresh").toString());
        Result restore = run("restore", fresh, archive.toString());
        assertThat(restore.code).as(restore.err).isZero();
        assertThat(restore.out).startsWith("restored ");
        assertThat(run("audit-verify", fresh).out).startsWith("audit log: ok");
        Result again = run("restore", fresh, archive.toString());
        assertThat(again.code).isEqualTo(1);
        assertThat(again.err).contains("already holds data");
        assertThat(run("restore", fresh, archive.toString(), "--replace").code).isZero();
        assertThat(run("backup", fresh).code).as("usage").isEqualTo(2);
    }

    private record Result(int code, String out, String err) {
    }

    private static Result run(String command, Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CloudTools.run(command, args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
