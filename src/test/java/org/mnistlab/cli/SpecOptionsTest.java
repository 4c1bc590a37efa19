package org.mnistlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mnistlab.network.NetworkSpec;
import org.mnistlab.network.OptimizerKind;
import org.mnistlab.testing.Specs;

/** Every spec setting has its option, and a spec survives the trip through its command line. */
class SpecOptionsTest {

    private static NetworkSpec read(List<String> commandLine) {
        return SpecOptions.read(CliArgs.parse("train", commandLine, SpecOptions.valuedOptions(), Set.of()));
    }

    @Test
    void everySpecSettingHasAnOption() {
        assertEquals(Specs.settingNames(), SpecOptions.settings());
    }

    @Test
    void aSpecWithEverySettingChangedSurvivesItsCommandLine() {
        NetworkSpec spec = Specs.everySettingChanged();
        assertEquals(spec, read(SpecOptions.commandLine(spec)), String.join(" ", SpecOptions.commandLine(spec)));
    }

    @Test
    void eachSettingAloneIsReadFromItsOption() {
        for (String setting : Specs.settingNames()) {
            NetworkSpec spec = Specs.defaultsExcept(setting);
            assertEquals(spec, read(SpecOptions.commandLine(spec)), setting);
        }
    }

    @Test
    void theTrainCommandOfASpecIsOneShellLineThatReadsBackAsTheSameSpec() {
        NetworkSpec spec = Specs.everySettingChanged();
        String line = SpecOptions.trainCommand(spec);
        String start = "java -jar mnist-lab.jar train ";
        assertTrue(line.startsWith(start), line);
        assertTrue(line.contains(" --schedule step:2:0.5 --warmup-steps 100 "), line);
        // Nothing in it needs a shell's quotes, so splitting at spaces is what a shell does.
        assertEquals(spec, read(List.of(line.substring(start.length()).split(" "))), line);
    }

    @Test
    void benchsWarmupIsNotTheScheduleWarmUp() {
        CliArgs bench = CliArgs.parse("bench", List.of("--warmup", "5000", "--warmup-steps", "40"),
                SpecOptions.valuedOptions("warmup"), Set.of());
        assertEquals(40, SpecOptions.read(bench).warmup(), "examples before timing are not steps of a warm-up");
    }

    @Test
    void noOptionsGiveTheDefaults() {
        assertEquals(NetworkSpec.defaults(), read(List.of()));
    }

    @Test
    void helpShowsTheDefaultsAndEveryChoiceOfTheEnums() {
        assertTrue(SpecOptions.HELP.contains("--lr 0.05 "), SpecOptions.HELP);
        assertTrue(SpecOptions.HELP.contains("--layers 64,32 "), SpecOptions.HELP);
        for (OptimizerKind kind : OptimizerKind.values()) {
            String typed = kind.name().toLowerCase(java.util.Locale.ROOT);
            assertTrue(SpecOptions.HELP.contains(typed), typed + " missing from\n" + SpecOptions.HELP);
        }
    }
}
