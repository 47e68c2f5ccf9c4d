package org.redgrid.lists.entity;

/** 资源状态: available for claims and matching, or withdrawn by its owner or staff. */
public enum ResourceStatus {
    ACTIVE, WITHDRAWN
}
