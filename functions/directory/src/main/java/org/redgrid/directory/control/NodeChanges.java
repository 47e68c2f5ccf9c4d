package org.redgrid.directory.control;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.validation.constraints.Size;
import org.redgrid.kernel.text.DisplayText;

/**
 * Changes to a node: rename, re-categorize, redraw the boundary. Absent fields stay as they are. With
 * {@code version} the change applies only if nobody changed the node since that version was read.
 */
public record NodeChanges(
        @Size(min = 1, max = 50, message = "名称须为 1–50 个字") @DisplayText String name,
        @Size(max = 30, message = "类别最多 30 个字") @DisplayText String category,
        JsonNode boundary,
        Long version) {
}
