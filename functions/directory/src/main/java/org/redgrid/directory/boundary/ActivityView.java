package org.redgrid.directory.boundary;

import org.redgrid.directory.entity.Activity;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A line of a node's activity feed (网格动态). */
@RegisterForReflection
public record ActivityView(String at, String type, String summary, String personId, String fromNode, String toNode) {

    static ActivityView of(Activity a) {
        return new ActivityView(a.at(), a.type(), a.summary(), a.personId(), a.fromNode(), a.toNode());
    }
}
