package org.redgrid.lists.control.matching;

import java.time.Instant;

/** 时间窗口: when a demand should be served or a resource is available, end exclusive. */
public record TimeWindow(Instant start, Instant end) {

    public TimeWindow {
        InvalidBatchException.require(start != null && end != null && end.isAfter(start), "MATCH_BAD_WINDOW",
                "时间窗口的结束时间必须晚于开始时间");
    }

    /** Seconds this window shares with the other, 0 when they do not meet. */
    long overlapSeconds(TimeWindow other) {
        long from = Math.max(start.getEpochSecond(), other.start.getEpochSecond());
        long to = Math.min(end.getEpochSecond(), other.end.getEpochSecond());
        return Math.max(0, to - from);
    }

    long seconds() {
        return end.getEpochSecond() - start.getEpochSecond();
    }
}
