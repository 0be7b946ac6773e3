package io.stocksense.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import io.stocksense.protocol.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.stocksense.cloud.BusinessFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The business pages in real headless Chromium against a real cloud-core: a purchase order is
 * created, submitted, approved, sent and received (in two parts) through the pages; a finance user
 * sees the order without an Approve button and the API refuses the approval with 403; a sales
 * order's reservation failure shows the problem's figures; the POS screen takes a barcode scanner's
 * keystrokes (digits, Enter) and prints a receipt with the change; the sales report shows the sale;
 * and every business page in zh-CN shows no English label.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebBusinessIT extends CloudITSupport {

    static final String FINANCE_PASSWORD = "finance-password-0123456789";
    @TempDir
    static Path browserDir;
    static Browser browser;
    static BusinessFixtures biz;
    static long orderId;

    @BeforeAll
    static void seedAndStartBrowser() throws Exception {
        biz = new BusinessFixtures(rest, adminToken());
        biz.supplier("ACME", 5);
        biz.customer("SHOP", null);
        assertThat(rest.request("PATCH", "/api/v1/products/BOLT-M8", adminToken(),
                "{\"salePrice\":{\"amount\":\"0.80\",\"currency\":\"EUR\"}}").statusCode()).isEqualTo(200);
        browser = Browser.start(browserDir, "en-GB");
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void aPurchaseOrderIsCreatedApprovedAndReceivedThroughThePages() throws Exception {
        browser.open(core.baseUrl() + "/?lang=en#/purchasing?tab=orders&new");
        browser.signIn("admin", ADMIN_PASSWORD);
        await().atMost(Duration.ofSeconds(20)).until(() -> !browser.all("#po-form .line select[name=sku]").isEmpty());
        new Select(find("#po-supplier")).selectByValue("ACME");
        new Select(find("#po-form .line select[name=sku]")).selectByValue("BOLT-M8");
        type("#po-form .line input[name=quantity]", "2000");
        type("#po-form .line input[name=unitPrice]", "0.60"); // 1,200.00 EUR: above the approval threshold
        find("#po-save").click();

        awaitStatus("draft");
        orderId = Long.parseLong(browser.driver.getCurrentUrl().replaceAll(".*id=(\\d+).*", "$1"));
        click("#po-submit");
        awaitStatus("awaiting-approval");
        assertThat(browser.all("#po-send")).as("no Send before approval").isEmpty();
        click("#po-approve");
        awaitStatus("approved");
        assertThat(browser.text("#po-head")).contains("admin");
        click("#po-send");
        awaitStatus("sent");

        // partial receipt by hand: 800 of 2,000, then the rest
        type("#receive-form input[name=qty-1]", "800");
        click("#receive-submit");
        awaitStatus("partially-received");
        assertThat(browser.all("#po-receipts tbody tr")).hasSize(1);
        click("#receive-submit"); // the form offers what is still open: 1,200
        awaitStatus("received");
        assertThat(browser.all("#po-receipts tbody tr")).hasSize(2);
        browser.screenshot("purchase-order-received");

        JsonNode po = biz.get("/api/v1/purchase-orders/" + orderId);
        assertThat(po.get("status").asText()).isEqualTo("received");
        assertThat(po.get("approvedBy").asText()).isEqualTo("admin");
        assertThat(line(po, 1).get("received").decimalValue()).isEqualByComparingTo("2000");
        JsonNode stock = biz.get("/api/v1/stock?warehouse=WH1&sku=BOLT-M8");
        BigDecimal atDock = BigDecimal.ZERO;
        for (JsonNode row : stock) {
            if (row.get("location").asText().equals("DOCK-1") && row.get("sku").asText().equals("BOLT-M8")) {
                atDock = atDock.add(row.get("quantity").decimalValue());
            }
        }
        assertThat(atDock).isEqualByComparingTo("2000");
    }

    @Test
    @Order(2)
    void aUserWithoutThePurchasingRoleSeesNoApproveButtonAndTheApiRefuses() {
        JsonNode po = biz.ok("/api/v1/purchase-orders", BusinessFixtures.order("ACME", null, "NUT-M8", "1000", "2.00"), 201);
        assertThat(biz.ok("/api/v1/purchase-orders/" + po.get("id").asLong() + "/submit", null, 200).get("status").asText())
                .isEqualTo("awaiting-approval");
        HttpResponse<String> created = rest.request("POST", "/api/v1/users", adminToken(),
                "{\"username\":\"fiona\",\"password\":\"" + FINANCE_PASSWORD + "\",\"roles\":[\"finance\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        find("#logout").click();
        browser.signIn("fiona", FINANCE_PASSWORD);
        await().atMost(Duration.ofSeconds(10)).until(() -> "fiona".equals(browser.text("#whoami")));
        browser.driver.get(core.baseUrl() + "/#/purchasing?tab=orders&id=" + po.get("id").asLong());
        awaitStatus("awaiting-approval");
        assertThat(browser.all("#po-approve")).as("Approve button for a user without purchase-orders:approve").isEmpty();
        assertThat(browser.all("#po-submit, #po-send, #po-cancel, #receive-form")).isEmpty();
        assertThat(browser.all("#nav a").stream().map(a -> a.getAttribute("data-route")))
                .contains("purchasing", "finance").doesNotContain("pos");

        HttpResponse<String> approve = rest.request("POST", "/api/v1/purchase-orders/" + po.get("id").asLong() + "/approve",
                rest.token("fiona", FINANCE_PASSWORD), null);
        assertThat(approve.statusCode()).isEqualTo(403);
        assertThat(RestClient.json(approve).get("missingPermission").asText()).isEqualTo("purchase-orders:approve");
        assertThat(biz.get("/api/v1/purchase-orders/" + po.get("id").asLong()).get("status").asText()).isEqualTo("awaiting-approval");
        find("#logout").click();
    }

    @Test
    @Order(3)
    void aReservationFailureShowsTheProblemInThePage() throws Exception {
        browser.signIn("admin", ADMIN_PASSWORD);
        await().atMost(Duration.ofSeconds(10)).until(() -> "admin".equals(browser.text("#whoami")));
        JsonNode so = biz.ok("/api/v1/sales-orders", Json.MAPPER.readTree("{\"customer\":\"SHOP\",\"warehouse\":\"WH1\","
                + "\"location\":\"DOCK-1\",\"currency\":\"EUR\",\"lines\":[{\"sku\":\"BOLT-M8\",\"quantity\":5000}]}"), 201);
        browser.driver.get(core.baseUrl() + "/#/sales?tab=orders&id=" + so.get("id").asLong());
        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.all("#so-head[data-status=draft]").isEmpty());
        click("#so-confirm");
        await().atMost(Duration.ofSeconds(10)).until(() -> "insufficient-stock".equals(find("#biz-error").getAttribute("data-problem")));
        assertThat(browser.text("#biz-error")).contains("Insufficient stock").contains("available: 2000").contains("requested: 5000");
    }

    @Test
    @Order(4)
    void thePosScreenTakesScannerInputAndPrintsAReceiptWithChange() throws Exception {
        browser.driver.get(core.baseUrl() + "/#/pos");
        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.all("#pos-scan").isEmpty());
        // the scan field has the focus as soon as the screen shows
        await().atMost(Duration.ofSeconds(5)).until(() -> "pos-scan".equals(browser.js("return document.activeElement && document.activeElement.id")));
        new Select(find("#pos-location")).selectByValue("DOCK-1");
        // a scanner is a keyboard: the EAN-13 digits, then Enter; twice the same item, once unknown
        find("#pos-scan").sendKeys("4012345300017" + Keys.ENTER);
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.all("#pos-table tbody tr").size() == 1);
        find("#pos-scan").sendKeys("4012345300017" + Keys.ENTER);
        await().atMost(Duration.ofSeconds(10)).until(() -> "2".equals(find("#pos-table input.qty").getAttribute("value")));
        find("#pos-scan").sendKeys("999" + Keys.ENTER);
        await().atMost(Duration.ofSeconds(10)).until(() -> find("#biz-error").getText().contains("999"));
        assertThat(browser.all("#pos-table tbody tr")).as("an unknown code adds no line").hasSize(1);
        // 2 × 0.80 = 1.60 net + 20% VAT 0.32 = 1.92
        assertThat(browser.text("#pos-tot-gross")).contains("1.92");
        WebElement amount = find("#pos-amount");
        amount.clear();
        amount.sendKeys("5.00");
        new Select(find("#pos-method")).selectByValue("cash");
        find("#pos-add-payment").click();
        await().atMost(Duration.ofSeconds(5)).until(() -> browser.text("#pos-change").contains("3.08"));
        browser.screenshot("pos-checkout");

        click("#pos-checkout");
        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.all("#pos-receipt").isEmpty());
        assertThat(browser.text("#receipt-change")).contains("3.08");
        JsonNode sale = biz.get("/api/v1/pos/sales").get(0);
        assertThat(sale.get("gross").decimalValue()).isEqualByComparingTo("1.92");
        assertThat(sale.get("change").decimalValue()).isEqualByComparingTo("3.08");
        assertThat(browser.text("#pos-receipt")).contains(sale.get("number").asText());
        browser.screenshot("pos-receipt");
    }

    @Test
    @Order(5)
    void theSalesReportShowsRevenueAndGrossProfitByProduct() throws Exception {
        browser.driver.get(core.baseUrl() + "/#/reports/sales?report=sales-by-product");
        await().atMost(Duration.ofSeconds(20)).until(() -> !browser.all("#view-reports[data-state=ready][data-report=sales-by-product]").isEmpty());
        String bolt = browser.all("#report-table tbody tr").stream().map(WebElement::getText)
                .filter(t -> t.startsWith("BOLT-M8")).findFirst().orElseThrow();
        // revenue 2 × 0.80 = 1.60; cost 2 × 0.60 = 1.20 (the average cost of the received bolts); gross profit 0.40
        assertThat(bolt).contains("1.60").contains("1.20").contains("0.40").contains("25 %");
        browser.screenshot("report-sales-by-product");
    }

    @Test
    @Order(6)
    void everyBusinessPageInZhCnShowsNoUntranslatedLabel() throws Exception {
        browser.driver.get(core.baseUrl() + "/?lang=zh-CN#/purchasing?tab=orders");
        for (String page : List.of("purchasing?tab=orders", "purchasing?tab=orders&id=" + orderId, "purchasing?tab=orders&new",
                "purchasing?tab=requisitions", "purchasing?tab=forecast", "sales?tab=orders", "sales?tab=orders&new",
                "sales?tab=invoices", "pos", "finance?tab=receivables", "finance?tab=payables", "finance?tab=payments",
                "finance?tab=journal", "finance?tab=statements")) {
            browser.js("location.hash = arguments[0]", "#/" + page);
            await().atMost(Duration.ofSeconds(10)).until(() -> page.equals(browser.js(
                    "const v = document.querySelector('#view-business'); return v.dataset.state === 'ready' ? v.dataset.shown : ''"))
                    && browser.all("#biz-error:not([hidden])").isEmpty());
            assertNoEnglish(page);
        }
        for (String report : List.of("sales", "purchasing", "finance")) {
            browser.js("location.hash = arguments[0]", "#/reports/" + report);
            await().atMost(Duration.ofSeconds(20)).until(() -> !browser.all("#view-reports[data-state=ready][data-report^=" + report + "-]").isEmpty());
            assertNoEnglish("reports/" + report);
        }
        browser.js("location.hash = arguments[0]", "#/pos");
        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.all("#pos-scan").isEmpty());
        browser.screenshot("pos-zh-CN");
    }

    private static void assertNoEnglish(String page) {
        Map<String, Object> check = browser.untranslatedLabels();
        assertThat((List<?>) check.get("missingKeys")).as("%s: keys without a zh-CN text", page).isEmpty();
        assertThat((List<?>) check.get("english")).as("%s: visible English labels", page).isEmpty();
        assertThat(((Number) check.get("checked")).intValue()).as(page).isGreaterThan(5);
    }

    private static WebElement find(String css) {
        return browser.driver.findElement(By.cssSelector(css));
    }

    private static void click(String css) {
        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.all(css).isEmpty() && find(css).isEnabled());
        find(css).click();
    }

    private static void type(String css, String text) {
        WebElement e = find(css);
        e.clear();
        e.sendKeys(text);
    }

    private static void awaitStatus(String status) {
        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.all("#po-head[data-status='" + status + "']").isEmpty());
    }
}
