package org.redgrid.kernel.dynamo;

import jakarta.enterprise.context.RequestScoped;

/** DynamoDB capacity units consumed by the current request, as DynamoDB reported them (ReturnConsumedCapacity). */
@RequestScoped
public class CapacityMeter {

    private double readUnits;
    private double writeUnits;
    private int calls;

    synchronized void add(double read, double write) {
        readUnits += read;
        writeUnits += write;
        calls++;
    }

    public synchronized double readUnits() {
        return readUnits;
    }

    public synchronized double writeUnits() {
        return writeUnits;
    }

    public synchronized int calls() {
        return calls;
    }
}
