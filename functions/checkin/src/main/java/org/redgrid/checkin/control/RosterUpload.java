package org.redgrid.checkin.control;

import java.util.List;

import jakarta.validation.constraints.NotNull;

/**
 * An employer unit's roster (花名册) as the console sends it after reading the Excel file: every row of it, which
 * replaces the roster kept so far. Rows are checked one by one in {@link Rosters} so that each error names its row.
 */
public record RosterUpload(@NotNull(message = "请提供花名册行") List<Row> rows) {

    /** One person: name, mobile phone, and optionally their post (职务). */
    public record Row(String name, String phone, String post) {
    }
}
