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
        "long    | 1_000     | --seed: '1_000' is not a whole number",
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
}
