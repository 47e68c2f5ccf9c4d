package org.redgrid.directory.control;

/** The directory's domain event types (领域事件类型), as other domains subscribe to them. */
public final class DirectoryEvents {

    /** A person's home grid changed. data: personId, personName, fromNode, toNode, fromPath, toPath. */
    public static final String PERSON_MOVED = "directory.PersonMoved";
    /** A node (and its subtree) moved under another parent; its code stays. data: code, fromParent, toParent, fromPath, toPath. */
    public static final String NODE_MOVED = "directory.NodeMoved";

    private DirectoryEvents() {
    }
}
