package io.stocksense.cloud.catalog.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTest {

    @Test
    void quotedCellsMayHoldCommasQuotesAndLineBreaks() {
        List<Csv.Row> rows = Csv.parse("sku,name\r\nA-1,\"Bolt, \"\"M8\"\"\"\r\nA-2,\"two\nlines\"\nA-3,plain\n");
        assertThat(rows).extracting(Csv.Row::line).containsExactly(1, 2, 3, 5);
        assertThat(rows.get(1).cells()).containsExactly("A-1", "Bolt, \"M8\"");
        assertThat(rows.get(2).cells()).containsExactly("A-2", "two\nlines");
        assertThat(rows.get(3).cells()).containsExactly("A-3", "plain");
        assertThat(rows).allSatisfy(r -> assertThat(r.error()).isNull());
    }

    @Test
    void blankLinesAreSkippedButCountedAndBomIgnored() {
        List<Csv.Row> rows = Csv.parse("\uFEFFsku\n\nX\r\rY");
        assertThat(rows).extracting(Csv.Row::line).containsExactly(1, 3, 5);
        assertThat(rows.get(0).cells()).containsExactly("sku");
        assertThat(rows.get(2).cells()).containsExactly("Y");
    }

    @Test
    void emptyCellsAreKept() {
        assertThat(Csv.parse("a,,\"\",b").get(0).cells()).containsExactly("a", "", "", "b");
    }

    @Test
    void brokenQuotingIsAReasonNotAnException() {
        List<Csv.Row> rows = Csv.parse("h\n\"ab\"c,d\nok\n\"never closed\nmore");
        assertThat(rows.get(1).error()).contains("after a closing quote");
        assertThat(rows.get(2).cells()).containsExactly("ok");
        assertThat(rows.get(3).line()).isEqualTo(4);
        assertThat(rows.get(3).error()).contains("line 4", "never closed");
    }

    @Test
    void writtenLinesParseBack() {
        List<String> cells = List.of("a,b", "say \"hi\"", "x\ny", " padded ", "", "plain");
        String line = Csv.line(cells);
        assertThat(line).endsWith("\r\n").startsWith("\"a,b\",\"say \"\"hi\"\"\"");
        assertThat(Csv.parse(line).get(0).cells()).containsExactlyElementsOf(cells);
    }
}
