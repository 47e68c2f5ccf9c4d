package org.redgrid.kernel.paging;

import java.util.List;
import java.util.function.Function;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One page of a listing and the opaque cursor of the next page (null on the last page).
 */
@RegisterForReflection
public record Page<T>(List<T> items, String nextCursor) {

    public <R> Page<R> map(Function<T, R> f) {
        return new Page<>(items.stream().map(f).toList(), nextCursor);
    }
}
