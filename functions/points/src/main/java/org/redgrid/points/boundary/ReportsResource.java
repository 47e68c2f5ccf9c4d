package org.redgrid.points.boundary;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.redgrid.kernel.security.Secured;
import org.redgrid.points.control.PointsPermissions;
import org.redgrid.points.control.Reports;

/** Points reports (积分报表): store sales, leaderboards, the community's month. */
@Path("/points")
@Tag(name = "积分报表 Reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReportsResource {

    @Inject
    Reports reports;

    @GET
    @Path("/stores/{id}/sales")
    @Secured(PointsPermissions.LEDGER_READ)
    @Operation(summary = "超市月度兑换额（截至 to 的 12 个月）")
    public List<Reports.Sales> sales(@PathParam("id") String id, @QueryParam("to") String to) {
        return reports.sales(id, to);
    }

    @GET
    @Path("/grids/{code}/leaderboard")
    @Secured(PointsPermissions.LEDGER_READ)
    @Operation(summary = "网格年度积分排行（获得积分，冲正已扣除）")
    public List<Reports.Rank> leaderboard(@PathParam("code") String code, @QueryParam("year") String year,
            @QueryParam("limit") @DefaultValue("10") @Min(value = 1, message = "limit 至少为 1") @Max(value = 100, message = "limit 最多 100") int limit) {
        return reports.leaderboard(code, year, limit);
    }

    @GET
    @Path("/communities/{code}/report")
    @Secured(PointsPermissions.LEDGER_READ)
    @Operation(summary = "社区积分月报（发放、兑换、过期；按类型、规则、网格；近 12 个月序列）")
    public Reports.Monthly monthly(@PathParam("code") String code, @QueryParam("month") String month) {
        return reports.monthly(code, month);
    }
}
