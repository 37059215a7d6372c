package community.ivsrealtime.bench;

import java.util.Arrays;
import java.util.List;

/** Median, percentiles and spread of a sample. */
final class Stats {
    private final double[] sorted;

    Stats(final List<Double> values) {
        this.sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    Stats(final double[] values) {
        this.sorted = values.clone();
        Arrays.sort(this.sorted);
    }

    int n() {
        return sorted.length;
    }

    double percentile(final double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        final int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    double median() {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        final int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    double min() {
        return sorted.length == 0 ? Double.NaN : sorted[0];
    }

    double max() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
    }

    /** {@code median (min–max)} with the given format. */
    String summary(final String format) {
        return String.format(format, median()) + " (" + String.format(format, min()) + "–"
            + String.format(format, max()) + ")";
    }
}
