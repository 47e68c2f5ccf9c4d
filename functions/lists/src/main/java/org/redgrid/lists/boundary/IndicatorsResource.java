package org.redgrid.lists.boundary;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.redgrid.kernel.security.Secured;
import org.redgrid.lists.control.Indicators;
import org.redgrid.lists.control.ListsPermissions;
import org.redgrid.lists.control.Months;

/** The three lists' indicators (清单指标) of a node. */
@Path("/lists/nodes/{code}/indicators")
@Tag(name = "三张清单 Lists")
@Produces(MediaType.APPLICATION_JSON)
public class IndicatorsResource {

    @Inject
    Indicators indicators;

    @Inject
    Months months;

    @GET
    @Secured(ListsPermissions.INDICATORS_READ)
    @Operation(summary = "节点指标：按状态、类别、网格的需求数，匹配率，当月认领用时中位数，资源利用率")
    public Indicators.View of(@PathParam("code") String code,
            @QueryParam("month") @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])", message = "月份格式为 YYYY-MM") String month) {
        return indicators.of(code, month == null ? months.current() : month);
    }
}
