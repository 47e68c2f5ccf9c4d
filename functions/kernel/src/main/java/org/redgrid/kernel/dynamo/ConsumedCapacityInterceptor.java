package org.redgrid.kernel.dynamo;

import java.util.List;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.runtime.annotations.RegisterForReflection;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.*;

/**
 * Asks DynamoDB for the consumed capacity of every call and adds it to the request's {@link CapacityMeter};
 * refuses Scan outright, since no request path may scan a table. Registered through
 * {@code quarkus.dynamodb.interceptors}, instantiated by the SDK (hence registered for reflection).
 */
@RegisterForReflection
public class ConsumedCapacityInterceptor implements ExecutionInterceptor {

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (context.request() instanceof ScanRequest) {
            throw new IllegalStateException("Scan is not allowed on a request path; add an access pattern instead");
        }
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest r = context.request();
        ReturnConsumedCapacity total = ReturnConsumedCapacity.TOTAL;
        if (r instanceof GetItemRequest g) {
            return g.toBuilder().returnConsumedCapacity(total).build();
        } else if (r instanceof PutItemRequest p) {
            return p.toBuilder().returnConsumedCapacity(total).build();
        } else if (r instanceof UpdateItemRequest u) {
            return u.toBuilder().returnConsumedCapacity(total).build();
        } else if (r instanceof DeleteItemRequest d) {
            return d.toBuilder().returnConsumedCapacity(total).build();
        } else if (r instanceof QueryRequest q) {
            return q.toBuilder().returnConsumedCapacity(total).build();
        } else if (r instanceof BatchGetItemRequest b) {
            return b.toBuilder().returnConsumedCapacity(total).build();
        } else if (r instanceof TransactWriteItemsRequest t) {
            return t.toBuilder().returnConsumedCapacity(total).build();
        } else if (r instanceof BatchWriteItemRequest b) {
            return b.toBuilder().returnConsumedCapacity(total).build();
        } else if (r instanceof TransactGetItemsRequest t) {
            return t.toBuilder().returnConsumedCapacity(total).build();
        }
        return r;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        SdkResponse r = context.response();
        double read = 0;
        double write = 0;
        if (r instanceof GetItemResponse g) {
            read = units(g.consumedCapacity());
        } else if (r instanceof QueryResponse q) {
            read = units(q.consumedCapacity());
        } else if (r instanceof BatchGetItemResponse b) {
            read = units(b.consumedCapacity());
        } else if (r instanceof TransactGetItemsResponse t) {
            read = units(t.consumedCapacity());
        } else if (r instanceof PutItemResponse p) {
            write = units(p.consumedCapacity());
        } else if (r instanceof UpdateItemResponse u) {
            write = units(u.consumedCapacity());
        } else if (r instanceof DeleteItemResponse d) {
            write = units(d.consumedCapacity());
        } else if (r instanceof TransactWriteItemsResponse t) {
            write = units(t.consumedCapacity());
        } else if (r instanceof BatchWriteItemResponse b) {
            write = units(b.consumedCapacity());
        }
        ManagedContext requestContext = Arc.container() == null ? null : Arc.container().requestContext();
        if (requestContext != null && requestContext.isActive()) {
            Arc.container().instance(CapacityMeter.class).get().add(read, write);
        }
    }

    private static double units(List<ConsumedCapacity> many) {
        return many == null ? 0 : many.stream().mapToDouble(ConsumedCapacityInterceptor::units).sum();
    }

    private static double units(ConsumedCapacity c) {
        return c == null || c.capacityUnits() == null ? 0 : c.capacityUnits();
    }
}
