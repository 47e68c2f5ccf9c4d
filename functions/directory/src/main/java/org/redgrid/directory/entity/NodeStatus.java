package org.redgrid.directory.entity;

/** A node is retired (停用) rather than deleted while anything still refers to it. */
public enum NodeStatus {
    ACTIVE, RETIRED
}
