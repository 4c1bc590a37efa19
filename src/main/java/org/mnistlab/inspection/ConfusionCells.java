package org.mnistlab.inspection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.mnistlab.data.DigitSet;
import org.mnistlab.evaluation.EvaluationReport;

/**
 * The confusion matrix with the images behind each count: which 4s were read as 9s, and how
 * sure the network was.
 *
 * <p>Order inside a cell: a mistake cell lists its most confident mistakes first (the network was
 * sure and wrong: the most telling ones); the diagonal lists its least confident right answers
 * first (right, but only just).
 */
public final class ConfusionCells {
    private static final Comparator<Verdict> MOST_CONFIDENT_FIRST =
            Comparator.comparingDouble(Verdict::confidence).reversed().thenComparingInt(Verdict::index);
    private static final Comparator<Verdict> LEAST_CONFIDENT_FIRST =
            Comparator.comparingDouble(Verdict::confidence).thenComparingInt(Verdict::index);

    private final EvaluationReport report;
    private final List<List<List<Verdict>>> cells = new ArrayList<>();

    public ConfusionCells(EvaluationReport report) {
        this.report = report;
        for (int a = 0; a < DigitSet.CLASSES; a++) {
            List<List<Verdict>> row = new ArrayList<>();
            for (int p = 0; p < DigitSet.CLASSES; p++) row.add(new ArrayList<>());
            cells.add(row);
        }
        for (int i = 0; i < report.count(); i++) {
            Verdict v = verdict(i);
            cells.get(v.actual()).get(v.predicted()).add(v);
        }
        for (int a = 0; a < DigitSet.CLASSES; a++) {
            for (int p = 0; p < DigitSet.CLASSES; p++) {
                cells.get(a).get(p).sort(a == p ? LEAST_CONFIDENT_FIRST : MOST_CONFIDENT_FIRST);
            }
        }
    }

    public EvaluationReport report() {
        return report;
    }

    public Verdict verdict(int index) {
        return new Verdict(index, report.labels()[index], report.predictions()[index], report.probabilities()[index]);
    }

    public int count(int actual, int predicted) {
        return report.confusion()[actual][predicted];
    }

    /** The cell's share of its row (of all images of the true digit): what its shade shows. 0 for an empty row. */
    public double rowShare(int actual, int predicted) {
        int total = 0;
        for (int c : report.confusion()[actual]) total += c;
        return total == 0 ? 0 : (double) count(actual, predicted) / total;
    }

    /** Every image of one cell, in the order described above. */
    public List<Verdict> cell(int actual, int predicted) {
        return List.copyOf(cells.get(actual).get(predicted));
    }

    /** Wrong answers over the whole set, the surest first. */
    public List<Verdict> mostConfidentMistakes(int limit) {
        return all(false, MOST_CONFIDENT_FIRST, limit);
    }

    /** Right answers over the whole set, the shakiest first. */
    public List<Verdict> leastConfidentCorrect(int limit) {
        return all(true, LEAST_CONFIDENT_FIRST, limit);
    }

    private List<Verdict> all(boolean correct, Comparator<Verdict> order, int limit) {
        List<Verdict> chosen = new ArrayList<>();
        for (int a = 0; a < DigitSet.CLASSES; a++) {
            for (int p = 0; p < DigitSet.CLASSES; p++) {
                if ((a == p) == correct) chosen.addAll(cells.get(a).get(p));
            }
        }
        chosen.sort(order);
        return List.copyOf(chosen.subList(0, Math.min(limit, chosen.size())));
    }
}
