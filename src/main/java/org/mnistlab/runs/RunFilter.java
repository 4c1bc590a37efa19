package org.mnistlab.runs;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What the user typed in a run list's filter box: every word must occur, in any order and case,
 * in a run's {@link StoredRun#searchText()} ("adam 0.01" finds Adam runs at lr 0.01). Made once
 * per keystroke, then matched against each run's text, which the list keeps.
 */
public final class RunFilter {
    private final List<String> words;

    private RunFilter(List<String> words) {
        this.words = words;
    }

    public static RunFilter of(String typed) {
        String text = typed == null ? "" : typed.toLowerCase(Locale.ROOT).strip();
        return new RunFilter(text.isEmpty() ? List.of() : Arrays.asList(text.split("\\s+")));
    }

    public boolean isEmpty() {
        return words.isEmpty();
    }

    /** @param searchText already in lower case, as {@link StoredRun#searchText()} gives it */
    public boolean matches(String searchText) {
        for (String word : words) {
            if (!searchText.contains(word)) return false;
        }
        return true;
    }
}
