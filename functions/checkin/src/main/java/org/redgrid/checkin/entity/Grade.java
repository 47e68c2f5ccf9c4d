package org.redgrid.checkin.entity;

/** A year-end grade (考评等次): 好, 较好, 一般, 差. */
public enum Grade {
    GOOD("好"), FAIRLY_GOOD("较好"), AVERAGE("一般"), POOR("差");

    private final String label;

    Grade(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
