package io.stocksense.cloud;

import io.stocksense.cloud.auth.store.AdminBootstrap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The bootstrap user admin: a generated password once (kept 0600), or the configured one. */
class AdminBootstrapIT {

    @TempDir
    Path dataDir;

    @Test
    void aGeneratedPasswordWorksIsKeptPrivateAndIsNotRegenerated() throws Exception {
        CloudConfig config = new CloudConfig(0, 0, dataDir, null, null, null, null, null, List.of(), false);
        Path file = dataDir.resolve("cloud").resolve(AdminBootstrap.PASSWORD_FILE);
        String generated;
        try (CloudCore first = CloudCore.start(config)) {
            assertThat(first.generatedAdminPassword()).isPresent();
            generated = first.generatedAdminPassword().get();
            assertThat(generated).hasSizeGreaterThanOrEqualTo(16);
            assertThat(Files.readString(file).trim()).isEqualTo(generated);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            RestClient rest = new RestClient(first.baseUrl());
            assertThat(rest.postToken("admin", generated).statusCode()).isEqualTo(200);
            assertThat(rest.postToken("admin", "admin").statusCode()).isEqualTo(401);
        }
        try (CloudCore second = CloudCore.start(config)) {
            assertThat(second.generatedAdminPassword()).isEmpty();
            assertThat(Files.readString(file).trim()).isEqualTo(generated);
            assertThat(new RestClient(second.baseUrl()).postToken("admin", generated).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void theConfiguredPasswordIsHonoured() {
        CloudConfig config = new CloudConfig(0, 0, dataDir, null, null, null, null, "configured-secret-42", List.of(), false);
        try (CloudCore core = CloudCore.start(config)) {
            assertThat(core.generatedAdminPassword()).isEmpty();
            assertThat(dataDir.resolve("cloud").resolve(AdminBootstrap.PASSWORD_FILE)).doesNotExist();
            RestClient rest = new RestClient(core.baseUrl());
            assertThat(rest.postToken("admin", "configured-secret-42").statusCode()).isEqualTo(200);
            assertThat(rest.postToken("admin", "configured-secret-43").statusCode()).isEqualTo(401);
        }
    }
}
