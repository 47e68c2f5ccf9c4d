package org.redgrid.directory.boundary;

import jakarta.validation.constraints.NotBlank;

/** Where to move a node: its new parent. */
public record MoveRequest(@NotBlank(message = "请指定新的上级节点") String parentCode) {
}
