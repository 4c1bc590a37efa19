package org.mnistlab.runs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Times the store at scale: {@code ScaleBench FILE [RUNS] [EPOCHS] [BATCHES]} generates the
 * store if FILE does not exist (default 1,000 runs × 20 epochs × 600 batches, MNIST's 60,000
 * images in batches of 100), then times opening it, listing it, filtering the list as a user
 * types, and reading one run's curves. Each figure is the median of 5.
 */
public final class ScaleBench {
    private ScaleBench() {}

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int epochs = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int batches = args.length > 3 ? Integer.parseInt(args[3]) : 600;
        if (!Files.exists(file)) {
            long t = System.nanoTime();
            GeneratedStore.create(file, runs, epochs, batches);
            System.out.printf("generated %d runs x %d epochs x %d batches in %.1f s%n", runs, epochs, batches,
                    (System.nanoTime() - t) / 1e9);
        }
        double[] open = new double[5];
        double[] list = new double[5];
        double[] filter = new double[5];
        double[] points = new double[5];
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            try (RunStore store = RunStore.open(file)) {
                long t1 = System.nanoTime();
                List<StoredRun> all = store.list();
                List<String> texts = all.stream().map(StoredRun::searchText).toList(); // kept by the list, as the window does
                long t2 = System.nanoTime();
                String typed = "adam lr 0.01";
                long matched = 0;
                for (int k = 1; k <= typed.length(); k++) { // one filter pass per keystroke
                    RunFilter typedSoFar = RunFilter.of(typed.substring(0, k));
                    matched = texts.stream().filter(typedSoFar::matches).count();
                }
                long t3 = System.nanoTime();
                RunPoints p = store.points(all.get(all.size() / 2).id());
                long t4 = System.nanoTime();
                open[i] = (t1 - t0) / 1e6;
                list[i] = (t2 - t1) / 1e6;
                filter[i] = (t3 - t2) / 1e6 / typed.length();
                points[i] = (t4 - t3) / 1e6;
                if (i == 0) {
                    System.out.printf("%d runs listed; '%s' matches %d; one run has %,d losses, %d test points; file %.0f MB%n",
                            all.size(), typed, matched, p.trainLoss().size(), p.evaluations().size(),
                            file.toFile().length() / 1e6);
                }
            }
        }
        System.out.printf("open %.1f ms, list %.1f ms, filter per keystroke %.2f ms, one run's points %.1f ms (medians of 5)%n",
                median(open), median(list), median(filter), median(points));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
