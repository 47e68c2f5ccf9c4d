package org.redgrid.lists.control;

import java.util.List;

/** What a sheet import (批量导入) answers: each row's id, in row order, and how many rows were new. */
public record Imported(List<String> ids, int created, int existing) {
}
