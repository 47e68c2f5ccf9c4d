package org.redgrid.lists.control.matching;

/**
 * 匹配输入有误: a batch the matcher refuses, with a stable code and a zh-CN message that the boundary turns into
 * application/problem+json.
 */
public final class InvalidBatchException extends IllegalArgumentException {

    private final String code;

    public InvalidBatchException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** Stable machine-readable code, e.g. {@code MATCH_DUPLICATE_DEMAND}. */
    public String code() {
        return code;
    }

    static void require(boolean ok, String code, String message) {
        if (!ok) {
            throw new InvalidBatchException(code, message);
        }
    }
}
