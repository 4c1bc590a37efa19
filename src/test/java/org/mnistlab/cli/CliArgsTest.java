package org.mnistlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CliArgsTest {
    private static CliArgs args(String... args) {
        return CliArgs.parse("train", List.of(args), Set.of("n", "seed", "lr"), Set.of());
    }

    @Test
    void numbersAreReadTrimmedOrFallBackWhenAbsent() {
        CliArgs parsed = args("--n", " 10_000 ", "--seed= 42 ", "--lr", "1e-3");
        assertEquals(10_000, parsed.integer("n", 7));
        assertEquals(42L, parsed.longInteger("seed", 7));
        assertEquals(1e-3, parsed.number("lr", 7));
        CliArgs none = args();
        assertEquals(7, none.integer("n", 7));
        assertEquals(7L, none.longInteger("seed", 7));
        assertEquals(7.0, none.number("lr", 7));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "integer | 1.5       | --n: '1.5' is not a whole number",
        "integer | 9999999999 | --n: '9999999999' is not a whole number",
        "integer | ٣         | --n: '٣' is not a whole number",
        "integer | ３        | --n: '３' is not a whole number",
        "integer | _10       | --n: '_10' is not a whole number",
        "long    | ٦٤        | --seed: '٦٤' is not a whole number",
        "number  | 1d        | --lr: '1d' is not a finite number",
        "number  | 0x1p3     | --lr: '0x1p3' is not a finite number",
        "number  | ٠.٥       | --lr: '٠.٥' is not a finite number",
        "long    | x         | --seed: 'x' is not a whole number",
        "number  | NaN       | --lr: 'NaN' is not a finite number",
        "number  | 1e999     | --lr: '1e999' is not a finite number",
        "number  | abc       | --lr: 'abc' is not a finite number"})
    void badNumberIsAUsageErrorQuotingTheValue(String kind, String value, String message) {
        UsageException e = assertThrows(UsageException.class, () -> {
            switch (kind) {
                case "integer" -> args("--n", value).integer("n", 0);
                case "long" -> args("--seed", value).longInteger("seed", 0);
                default -> args("--lr", value).number("lr", 0);
            }
        });
        assertEquals(message, e.getMessage());
    }

    @Test
    void underscoresBetweenDigitsAreReadTheSameWayByEveryNumericOption() {
        CliArgs parsed = args("--n", "1_0", "--seed", "1_0", "--lr", "1_0.5");
        assertEquals(10, parsed.integer("n", 0));
        assertEquals(10L, parsed.longInteger("seed", 0));
        assertEquals(10.5, parsed.number("lr", 0));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "-lr       | unknown option '-lr'; options start with two dashes: did you mean --lr?",
        "--lrr     | unknown option '--lrr' for 'train'; did you mean --lr? (see java -jar mnist-lab.jar train --help)",
        "--json=true | --json is a switch and takes no value; write --json alone"})
    void aNearMissGetsAHint(String arg, String message) {
        UsageException e = assertThrows(UsageException.class,
                () -> CliArgs.parse("train", List.of(arg, "0.1"), Set.of("n", "seed", "lr"), Set.of("json")));
        assertEquals(message, e.getMessage());
    }

    @Test
    void aNegativeNumberIsAValueNotAnOption() {
        assertEquals(-1.5, CliArgs.parse("train", List.of("--lr", "-1.5"), Set.of("lr"), Set.of()).number("lr", 0));
    }

    @Test
    void anEchoedValueIsCutShort() {
        UsageException e = assertThrows(UsageException.class, () -> args("--n", "9".repeat(5000)).integer("n", 0));
        assertEquals("--n: '" + "9".repeat(37) + "…' (5000 characters) is not a whole number", e.getMessage());
    }

    @Test
    void anEmptyPathIsAUsageErrorNamingTheOption() {
        UsageException e = assertThrows(UsageException.class,
                () -> CliArgs.parse("evaluate", List.of("--model", ""), Set.of("model"), Set.of()).path("model"));
        assertEquals("--model needs a file or folder name", e.getMessage());
    }
}
