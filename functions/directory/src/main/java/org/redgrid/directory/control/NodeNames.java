package org.redgrid.directory.control;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.redgrid.directory.entity.GridNode;

/**
 * Names for the node codes a view shows (网格名称), so staff read "幸福一网格" where the record holds G0101.
 * One BatchGetItem for all codes of a response; codes of deleted nodes keep no name.
 */
@ApplicationScoped
public class NodeNames {

    @Inject
    DirectoryStore store;

    /** The names of every node on the given paths ("/D01/S01/") and of the given codes. */
    public Map<String, String> of(Collection<String> paths, Collection<String> codes) {
        List<String> all = Stream.concat(paths.stream().flatMap(NodeNames::codes), codes.stream()).distinct().toList();
        return store.nodes(all).stream().collect(Collectors.toMap(GridNode::code, GridNode::name));
    }

    /** The names root → last of a path's codes. */
    public static List<String> along(String path, Map<String, String> names) {
        return codes(path).map(c -> names.getOrDefault(c, c)).toList();
    }

    private static Stream<String> codes(String path) {
        return Arrays.stream(path.split("/")).filter(c -> !c.isEmpty());
    }
}
