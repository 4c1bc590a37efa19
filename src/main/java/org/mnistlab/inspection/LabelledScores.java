package org.mnistlab.inspection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.mnistlab.network.TrainedModel;

/**
 * How a model reads a handful of labelled images (a student's own digits, a folder given to
 * {@code evaluate --images}): one {@link Verdict} each, and the share read right.
 *
 * @param verdicts in the order the images were given; {@link Verdict#index()} is the position
 */
public record LabelledScores(List<Verdict> verdicts) {
    public LabelledScores {
        verdicts = List.copyOf(verdicts);
    }

    /** Reads every image; one forward pass each, which for a few hundred images is well under a second. */
    public static LabelledScores of(TrainedModel model, List<float[]> pixels, List<Integer> labels) {
        if (pixels.size() != labels.size()) {
            throw new IllegalArgumentException(pixels.size() + " images but " + labels.size() + " labels");
        }
        List<Verdict> verdicts = new ArrayList<>(pixels.size());
        for (int i = 0; i < pixels.size(); i++) {
            float[] p = model.probabilities(pixels.get(i));
            verdicts.add(new Verdict(i, labels.get(i), TrainedModel.argMax(p), p));
        }
        return new LabelledScores(verdicts);
    }

    public int count() {
        return verdicts.size();
    }

    public int right() {
        return (int) verdicts.stream().filter(Verdict::correct).count();
    }

    /** The share read right; 0 for no images. */
    public double accuracy() {
        return verdicts.isEmpty() ? 0 : (double) right() / verdicts.size();
    }

    /** The misread ones first, most confidently wrong first; then the rest, least sure first. */
    public List<Verdict> misreadFirst() {
        Comparator<Verdict> wrongFirst = Comparator.comparing(Verdict::correct);
        Comparator<Verdict> order = wrongFirst.thenComparing((a, b) -> a.correct()
                ? Float.compare(a.confidence(), b.confidence())
                : Float.compare(b.confidence(), a.confidence()));
        return verdicts.stream().sorted(order.thenComparingInt(Verdict::index)).toList();
    }
}
