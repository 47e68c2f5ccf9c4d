package org.redgrid.points.entity;

/** What an account belongs to (账户类型). */
public enum AccountKind {
    /** 户积分账户: a household's points. Never negative. */
    HOUSEHOLD("HH-"),
    /** 社区发放额度: a community's issuing budget; points are issued from it, down to its issuing limit. */
    BUDGET("BUDGET-"),
    /** 积分超市账户: what a store took in. Never negative. */
    STORE("STORE-");

    private final String prefix;

    AccountKind(String prefix) {
        this.prefix = prefix;
    }

    /** Account ids say what they belong to: HH-&lt;household&gt;, BUDGET-&lt;community&gt;, STORE-&lt;store&gt;. */
    public String accountId(String ownerId) {
        return prefix + ownerId;
    }

    public static AccountKind ofAccountId(String accountId) {
        for (AccountKind k : values()) {
            if (accountId.startsWith(k.prefix)) {
                return k;
            }
        }
        throw new IllegalArgumentException(accountId);
    }
}
