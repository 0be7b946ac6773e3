package io.stocksense.config;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile site files for {@link SiteLoader#parse}: 10,000 random texts and 10,000 line-level mutations
 * of the real site files (the demo site and every broken fixture), with a fixed seed. Every input must
 * come back as a {@link Site} or as a {@link SiteConfigException} whose errors each name the file, a
 * field and a reason; no other exception may escape. Rejections are counted by the field they name.
 */
class SiteLoaderFuzzTest {

    private static final String SOURCE = "fuzz.yaml";
    private static final List<String> SEEDS = seeds();
    /** YAML that parsers and validators meet badly: aliases, tags, merge keys, flow noise, huge numbers. */
    private static final List<String> HOSTILE = List.of("&a [*a]", "*undefined", "!!binary AAAA", "!!java.io.File /etc/passwd",
            "<<: *a", "{", "[", "? ", "---", "...", "\t", "'unterminated", "\"\\x\"", "99999999999999999999999999",
            "-1", "1e309", ".nan", "~", "null", "true", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]", "|", ">-",
            "%YAML 1.1", "@", "`", "0x1F", "2026-13-45", "PT-5M", "-5m", "1h30", "\u0000", "\uFEFF", "€", "{a: 1, a: 2}");

    private static final AtomicLong INPUTS = new AtomicLong();
    private static final AtomicLong ACCEPTED = new AtomicLong();
    private static final AtomicLong REJECTED = new AtomicLong();
    private static final Map<String, Long> REASONS = new TreeMap<>();

    /** One line-level mutation of a seed file. */
    record Mutation(int kind, double where, int hostile, String text) {
    }

    @Property(tries = 10_000, seed = "20260121")
    void randomTextIsLoadedOrRejectedWithReasons(@ForAll("randomYaml") String yaml) {
        check(yaml);
    }

    @Property(tries = 10_000, seed = "20260122")
    void mutatedSiteFilesAreLoadedOrRejectedWithReasons(@ForAll("seedIndex") int seed, @ForAll("mutations") List<Mutation> mutations) {
        List<String> lines = new ArrayList<>(List.of(SEEDS.get(seed % SEEDS.size()).split("\n", -1)));
        for (Mutation m : mutations) {
            apply(lines, m);
        }
        check(String.join("\n", lines));
    }

    private static void check(String yaml) {
        INPUTS.incrementAndGet();
        try {
            Site site = SiteLoader.parse(yaml, SOURCE);
            assertThat(site).isNotNull();
            ACCEPTED.incrementAndGet();
        } catch (SiteConfigException e) {
            assertThat(e.errors()).isNotEmpty();
            for (ConfigError err : e.errors()) {
                assertThat(err.file()).isEqualTo(SOURCE);
                assertThat(err.field()).as("field of %s", err).isNotBlank();
                assertThat(err.message()).as("message of %s", err).isNotBlank();
                assertThat(err.line()).isNotNegative();
                synchronized (REASONS) {
                    REASONS.merge(err.field().replaceAll("\\[\\d+]", "[]"), 1L, Long::sum);
                }
            }
            REJECTED.incrementAndGet();
        }
    }

    private static void apply(List<String> lines, Mutation m) {
        int at = Math.min(lines.size() - 1, (int) (m.where() * lines.size()));
        String line = lines.get(at);
        String hostile = HOSTILE.get(m.hostile() % HOSTILE.size());
        switch (m.kind() % 8) {
            case 0 -> lines.remove(at);
            case 1 -> lines.add(at, line);
            case 2 -> lines.set(at, line.replaceFirst("(:\\s*)[^,}\\s][^,}]*", "$1" + hostile.replace("$", "\\$")));
            case 3 -> lines.set(at, " " + line);
            case 4 -> lines.set(at, line.substring(0, (int) (m.where() * line.length())));
            case 5 -> lines.add(at, hostile);
            case 6 -> lines.set(at, line.replaceFirst("\\w+", m.text().replace("$", "\\$").replace("\\", "\\\\")));
            default -> lines.set(at, line + m.text());
        }
        if (lines.isEmpty()) {
            lines.add("");
        }
    }

    @Provide
    Arbitrary<String> randomYaml() {
        Arbitrary<String> structured = Arbitraries.strings().withChars("site:devices- []{}:,'\"&*!#|>\n\t 0123456789abcxyz.~%@?")
                .ofMaxLength(300);
        return Arbitraries.oneOf(structured, Arbitraries.strings().all().ofMaxLength(200));
    }

    @Provide
    Arbitrary<Integer> seedIndex() {
        return Arbitraries.integers().between(0, 1000);
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        return Combinators.combine(Arbitraries.integers().between(0, 7), Arbitraries.doubles().between(0, 1).ofScale(4),
                Arbitraries.integers().between(0, 100), Arbitraries.strings().all().ofMaxLength(12)).as(Mutation::new)
                .list().ofMinSize(1).ofMaxSize(5);
    }

    @AfterContainer
    static void report() {
        StringBuilder sb = new StringBuilder(String.format("site config fuzzing: %d inputs, %d loaded, %d rejected; errors by field:%n",
                INPUTS.get(), ACCEPTED.get(), REJECTED.get()));
        REASONS.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                .forEach(e -> sb.append(String.format("  %7d × %s%n", e.getValue(), e.getKey())));
        System.out.print(sb);
        assertThat(INPUTS.get()).isGreaterThanOrEqualTo(20_000);
        assertThat(ACCEPTED.get() + REJECTED.get()).isEqualTo(INPUTS.get());
        assertThat(ACCEPTED.get()).as("some mutations keep a valid site (the mutations are not all fatal)").isPositive();
    }

    private static List<String> seeds() {
        List<Path> files = new ArrayList<>(List.of(Path.of("sites/demo.yaml")));
        try (Stream<Path> broken = Files.list(Path.of("src/test/resources/broken"))) {
            broken.sorted().forEach(files::add);
            List<String> texts = new ArrayList<>();
            for (Path f : files) {
                texts.add(Files.readString(f));
            }
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
