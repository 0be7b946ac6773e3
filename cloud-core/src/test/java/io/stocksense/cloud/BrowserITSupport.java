package io.stocksense.cloud;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real cloud-core and one headless Chromium per test class; the class starts the browser in its own
 * {@code @BeforeAll} (with the browser language it needs) and this closes it.
 */
abstract class BrowserITSupport extends CloudITSupport {

    @TempDir
    static java.nio.file.Path browserDir;
    static Browser browser;

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    /** The visible page (named {@code page} in messages) has no untranslated label and checked at least {@code minChecked} texts. */
    static void assertNoEnglish(String page, int minChecked) {
        Map<String, Object> check = browser.untranslated();
        assertThat((List<?>) check.get("missingKeys")).as("%s: data-i18n keys without a zh-CN text", page).isEmpty();
        assertThat((List<?>) check.get("english")).as("%s: visible elements still in English", page).isEmpty();
        assertThat(((Number) check.get("checked")).intValue()).as("%s: texts checked", page).isGreaterThan(minChecked);
    }
}
