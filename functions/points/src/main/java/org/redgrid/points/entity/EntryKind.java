package org.redgrid.points.entity;

/** Why points moved (分录类型); each kind moves points between fixed kinds of account. */
public enum EntryKind {
    /** 奖励: budget → household (manual award or accrual from an event). */
    AWARD,
    /** 兑换: household → store. */
    REDEMPTION,
    /** 过期: household → budget. */
    EXPIRY,
    /** 冲正: the postings of another entry, negated. */
    REVERSAL
}
