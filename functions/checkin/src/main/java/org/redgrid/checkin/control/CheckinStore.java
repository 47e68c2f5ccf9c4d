package org.redgrid.checkin.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.redgrid.kernel.dynamo.SingleTable;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** CheckinTable, in the kernel's {@link SingleTable} layout; template.yaml lists the access patterns. */
@ApplicationScoped
public class CheckinStore {

    @Inject
    DynamoDbClient db;

    @ConfigProperty(name = "redgrid.tables.checkin")
    String tableName;

    private SingleTable table;

    @PostConstruct
    void open() {
        table = new SingleTable(db, tableName);
    }

    public SingleTable table() {
        return table;
    }
}
