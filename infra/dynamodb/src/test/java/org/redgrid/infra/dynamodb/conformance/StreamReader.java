package org.redgrid.infra.dynamodb.conformance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Reads a table's stream from its beginning as a consumer would: every shard from TRIM_HORIZON, following
 * NextShardIterator, asking again (bounded) until the records a test waits for have arrived. Records come back per
 * shard in the order the shard holds them; a short-lived test table has a single shard.
 */
final class StreamReader {

    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final Duration interval;
    private final Map<String, String> iterators = new LinkedHashMap<>();
    private final List<Record> records = new ArrayList<>();

    StreamReader(DynamoDbStreamsClient streams, String streamArn, Duration interval) {
        this.streams = streams;
        this.streamArn = streamArn;
        this.interval = interval;
    }

    /** Every record read so far once one satisfies {@code last}, failing after {@code bound}. */
    List<Record> readUntil(String what, Duration bound, Predicate<Record> last) {
        return Poll.until(what, bound, interval, () -> {
            readMore();
            return records.stream().anyMatch(last) ? Optional.of(List.copyOf(records)) : Optional.empty();
        });
    }

    private void readMore() {
        StreamDescription stream = streams.describeStream(r -> r.streamArn(streamArn)).streamDescription();
        for (Shard shard : stream.shards()) {
            // A shard read to its end keeps a null iterator here, so it is not read again.
            if (!iterators.containsKey(shard.shardId())) {
                iterators.put(shard.shardId(), streams.getShardIterator(r -> r.streamArn(streamArn)
                        .shardId(shard.shardId()).shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator());
            }
        }
        for (Map.Entry<String, String> shard : iterators.entrySet()) {
            String iterator = shard.getValue();
            // Follow the shard as far as it goes now; an empty page means "nothing more yet".
            while (iterator != null) {
                String current = iterator;
                GetRecordsResponse page = streams.getRecords(r -> r.shardIterator(current));
                records.addAll(page.records());
                iterator = page.nextShardIterator();
                if (page.records().isEmpty()) {
                    break;
                }
            }
            shard.setValue(iterator);
        }
    }
}
