package org.redgrid.directory.control;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.redgrid.directory.entity.GridNode;
import org.redgrid.directory.entity.Keys;
import org.redgrid.kernel.dynamo.SingleTable;
import org.redgrid.kernel.problem.ProblemException;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DirectoryTable: the kernel's {@link SingleTable} with the directory's own reads of grid nodes and the one
 * refusal of a node that is not there. template.yaml lists the access patterns.
 */
@ApplicationScoped
public class DirectoryStore {

    @Inject
    DynamoDbClient db;

    @ConfigProperty(name = "redgrid.tables.directory")
    String tableName;

    private SingleTable table;

    @PostConstruct
    void open() {
        table = new SingleTable(db, tableName);
    }

    public SingleTable table() {
        return table;
    }

    public Optional<GridNode> node(String code) {
        return table.get(Keys.node(code), Keys.NODE_SK).map(GridNode::fromItem);
    }

    /** The node, or 404 NODE_NOT_FOUND when the path names one that is not there. */
    public GridNode existingNode(String code) {
        return node(code).orElseThrow(() -> ProblemException.notFound("NODE_NOT_FOUND", notFound(code)));
    }

    /** The node a request body field names, or 400 on that field when there is none. */
    public GridNode existingNode(String field, String code) {
        return node(code).orElseThrow(() -> ProblemException.invalidField(field, "NOT_FOUND", notFound(code)));
    }

    /** Nodes by code, in the order given; codes without a node are left out. */
    public List<GridNode> nodes(Collection<String> codes) {
        Map<String, GridNode> found = table.getAll(codes.stream().map(c -> SingleTable.key(Keys.node(c), Keys.NODE_SK)).toList())
                .stream().map(GridNode::fromItem).collect(Collectors.toMap(GridNode::code, Function.identity()));
        return codes.stream().map(found::get).filter(n -> n != null).toList();
    }

    private static String notFound(String code) {
        return "网格节点 " + code + " 不存在";
    }
}
