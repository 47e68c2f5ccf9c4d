package org.redgrid.checkin.entity;

import java.util.Map;

import org.redgrid.kernel.dynamo.Attr;

import io.quarkus.runtime.annotations.RegisterForReflection;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Registration counts (报到统计) of a grid node or an employer unit, kept in the same transaction as each
 * registration and decision, so they are read with one GetItem, never counted by a Scan.
 */
@RegisterForReflection
public record RegistrationTally(long pending, long confirmed, long rejected) {

    public static final RegistrationTally NONE = new RegistrationTally(0, 0, 0);

    public long registered() {
        return pending + confirmed + rejected;
    }

    public static RegistrationTally fromItem(Map<String, AttributeValue> item) {
        return new RegistrationTally(Attr.num(item, "pending"), Attr.num(item, "confirmed"), Attr.num(item, "rejected"));
    }
}
