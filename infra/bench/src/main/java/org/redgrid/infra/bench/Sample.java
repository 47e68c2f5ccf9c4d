package org.redgrid.infra.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Timings of one figure (warm-up runs already left out): count, median, p99 and spread (interquartile range). */
final class Sample {

    private final List<Double> values = new ArrayList<>();

    void add(double value) {
        values.add(value);
    }

    List<Double> values() {
        return List.copyOf(values);
    }

    int count() {
        return values.size();
    }

    double median() {
        return percentile(50);
    }

    double p99() {
        return percentile(99);
    }

    /** p75 − p25: how much the middle half of the runs differ. */
    double spread() {
        return percentile(75) - percentile(25);
    }

    double percentile(double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        double rank = p / 100.0 * (sorted.size() - 1);
        int low = (int) Math.floor(rank);
        int high = (int) Math.ceil(rank);
        return sorted.get(low) + (sorted.get(high) - sorted.get(low)) * (rank - low);
    }
}
