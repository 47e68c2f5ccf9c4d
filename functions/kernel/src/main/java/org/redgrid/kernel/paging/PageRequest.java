package org.redgrid.kernel.paging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/** The paging query parameters every listing takes: {@code limit} (1–100, default 20) and {@code cursor}. */
public class PageRequest {

    @QueryParam("limit")
    @DefaultValue("20")
    @Min(value = 1, message = "每页条数至少为 1")
    @Max(value = 100, message = "每页条数最多为 100")
    public int limit;

    @QueryParam("cursor")
    public String cursor;
}
