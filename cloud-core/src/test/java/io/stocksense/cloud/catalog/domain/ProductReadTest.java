package io.stocksense.cloud.catalog.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProductReadTest {

    /** Fields from a map; list fields split on '|' as in CSV. */
    static FieldSource fields(Map<String, String> m) {
        return new FieldSource() {
            @Override
            public String text(String field) {
                String v = m.get(field);
                return v == null || v.isBlank() ? null : v.trim();
            }

            @Override
            public List<String> list(String field) {
                return text(field) == null ? List.of() : new ArrayList<>(List.of(text(field).split("\\|")));
            }
        };
    }

    static Map<String, String> minimal() {
        Map<String, String> m = new HashMap<>();
        m.put("sku", "BOLT-M8");
        m.put("name", "Hex bolt");
        m.put("unit", "EA");
        return m;
    }

    @Test
    void minimalProductHasDefaults() {
        Validated<Product> v = Product.read(fields(minimal()));
        assertThat(v.errors()).isEmpty();
        assertThat(v.value().active()).isTrue();
        assertThat(v.value().trackLot()).isFalse();
        assertThat(v.value().barcodes()).isEmpty();
    }

    @Test
    void fullProductIsNormalised() {
        Map<String, String> m = minimal();
        m.put("gtin", "4012345300017");
        m.put("purchasePrice.amount", "1.5000");
        m.put("purchasePrice.currency", "eur");
        m.put("unitWeightGrams", "33.50");
        m.put("barcodes", "04012345300024|INT-77");
        m.put("trackLot", "yes");
        Product p = Product.read(fields(m)).value();
        assertThat(p.gtin()).isEqualTo("04012345300017");
        assertThat(p.purchasePrice()).isEqualTo(new Money(new BigDecimal("1.5"), "EUR"));
        assertThat(p.purchasePrice().amount().toPlainString()).isEqualTo("1.50");
        assertThat(p.unitWeightGrams().toPlainString()).isEqualTo("33.5");
        assertThat(p.barcodes()).containsExactly("04012345300024", "INT-77");
        assertThat(p.trackLot()).isTrue();
    }

    @Test
    void everyBadFieldIsNamed() {
        Map<String, String> m = new HashMap<>();
        m.put("sku", "has space");
        m.put("unit", "EA");
        m.put("gtin", "4012345300014");
        m.put("salePrice.amount", "-1");
        m.put("salePrice.currency", "EUR");
        m.put("unitWeightGrams", "heavy");
        m.put("minStock", "10");
        m.put("maxStock", "5");
        m.put("trackSerial", "maybe");
        Validated<Product> v = Product.read(fields(m));
        assertThat(v.value()).isNull();
        assertThat(v.errors()).extracting(FieldError::field).containsExactlyInAnyOrder(
                "sku", "name", "gtin", "salePrice.amount", "unitWeightGrams", "minStock", "trackSerial");
        assertThat(v.errors()).filteredOn(e -> e.field().equals("gtin")).singleElement()
                .satisfies(e -> assertThat(e.message()).startsWith("check digit should be 7"));
    }

    @Test
    void moneyNeedsAKnownCurrencyAndFewDecimals() {
        Map<String, String> m = minimal();
        m.put("purchasePrice.amount", "2.5");
        assertThat(Product.read(fields(m)).errors()).extracting(FieldError::field).containsExactly("purchasePrice.currency");
        m.put("purchasePrice.currency", "XYZ1");
        assertThat(Product.read(fields(m)).errors()).extracting(FieldError::message)
                .singleElement().asString().contains("ISO 4217");
        m.put("purchasePrice.currency", "USD");
        m.put("purchasePrice.amount", "0.123456");
        assertThat(Product.read(fields(m)).errors()).extracting(FieldError::field).containsExactly("purchasePrice.amount");
    }

    @Test
    void gtinProblems() {
        assertThat(FieldReader.gtinProblem("04012345300017")).isNull();
        assertThat(FieldReader.gtinProblem("96385074")).isNull();
        assertThat(FieldReader.gtinProblem("96385073")).startsWith("check digit should be 4");
        assertThat(FieldReader.gtinProblem("12345")).contains("8, 12, 13 or 14 digits");
        assertThat(FieldReader.gtinProblem("40123453000AB")).contains("digits");
    }

    @Test
    void customerAndSupplierRules() {
        Map<String, String> c = new HashMap<>();
        c.put("code", "C-1");
        c.put("name", "Acme");
        c.put("email", "not-an-email");
        c.put("rating", "7");
        c.put("creditLimit.amount", "5000");
        c.put("creditLimit.currency", "EUR");
        assertThat(Customer.read(fields(c)).errors()).extracting(FieldError::field).containsExactlyInAnyOrder("email", "rating");
        Map<String, String> s = new HashMap<>();
        s.put("code", "S-1");
        s.put("name", "Parts Ltd");
        s.put("leadTimeDays", "-2");
        assertThat(Supplier.read(fields(s)).errors()).extracting(FieldError::field).containsExactly("leadTimeDays");
    }

    @Test
    void csvImportPlanReportsLinesAndDuplicates() {
        String csv = "sku,name,unit,gtin\n"
                + "A-1,First,EA,\n"
                + "A-2,,EA,\n"
                + "A-1,Again,EA,\n"
                + "A-3,Third,EA,4012345300014\n"
                + "A-4,Fourth,EA,4012345300017\n";
        CsvImportPlan<Product> plan = CsvImportPlan.of(csv, CsvMappings.PRODUCTS);
        assertThat(plan.rows()).isEqualTo(5);
        assertThat(plan.good()).extracting(Product::sku).containsExactly("A-1", "A-4");
        assertThat(plan.rejected()).extracting(CsvImportPlan.RowError::line, CsvImportPlan.RowError::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "name"), org.assertj.core.groups.Tuple.tuple(4, "sku"),
                        org.assertj.core.groups.Tuple.tuple(5, "gtin"));
    }

    @Test
    void csvHeaderMustBeKnown() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CsvImportPlan.of("sku,colour\nA,red\n", CsvMappings.PRODUCTS))
                .isInstanceOf(CsvImportPlan.BadFileException.class).hasMessageContaining("unknown column 'colour'");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CsvImportPlan.of("name\nx\n", CsvMappings.PRODUCTS))
                .hasMessageContaining("'sku'");
    }
}
