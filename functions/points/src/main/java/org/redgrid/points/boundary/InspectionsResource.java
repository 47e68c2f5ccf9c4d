package org.redgrid.points.boundary;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.redgrid.kernel.dynamo.Idempotency;
import org.redgrid.kernel.http.Created;
import org.redgrid.kernel.security.Secured;
import org.redgrid.points.control.Inspections;
import org.redgrid.points.control.PointsPermissions;
import org.redgrid.points.entity.InspectionSheet;

/** Monthly inspection sheets (月度卫生检查表): open, score, publish. */
@Path("/points/inspections")
@Tag(name = "卫生检查 Inspections")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InspectionsResource {

    @Inject
    Inspections inspections;

    @Inject
    Idempotency idempotency;

    @POST
    @Secured(PointsPermissions.INSPECTION_WRITE)
    @Operation(summary = "开启网格某月的卫生检查表")
    @APIResponseSchema(value = Inspections.Sheet.class, responseCode = "201", responseDescription = "已创建")
    public RestResponse<Inspections.Sheet> open(@Valid @NotNull Inspections.NewSheet sheet,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        Inspections.Sheet opened = inspections.open(sheet, idempotency.key(idempotencyKey, "POST /points/inspections", sheet));
        return Created.at("/points/inspections/" + opened.gridCode() + "/" + opened.month(), opened);
    }

    @GET
    @Secured(PointsPermissions.LEDGER_READ)
    @Operation(summary = "社区某月的卫生检查表")
    public List<InspectionSheet> list(@QueryParam("community") @NotBlank(message = "请指定社区") String community,
            @QueryParam("month") @NotBlank(message = "请指定月份") String month) {
        return inspections.list(community, month);
    }

    @GET
    @Path("/{grid}/{month}")
    @Secured(PointsPermissions.LEDGER_READ)
    @Operation(summary = "卫生检查表（评分与本网格住户）")
    public Inspections.Sheet get(@PathParam("grid") String grid, @PathParam("month") String month) {
        return inspections.get(grid, month);
    }

    @PUT
    @Path("/{grid}/{month}/scores/{householdId}")
    @Secured(PointsPermissions.INSPECTION_WRITE)
    @Operation(summary = "为住户评分（个人卫生、室内、房前屋后；发布前可修改）")
    public Inspections.Sheet score(@PathParam("grid") String grid, @PathParam("month") String month,
            @PathParam("householdId") String householdId, @Valid @NotNull Inspections.Scores scores) {
        return inspections.score(grid, month, householdId, scores);
    }

    @POST
    @Path("/{grid}/{month}/publish")
    @Secured(PointsPermissions.INSPECTION_WRITE)
    @Operation(summary = "发布检查表：公布清洁户并按规则发放积分（每户一次）")
    public Inspections.Sheet publish(@PathParam("grid") String grid, @PathParam("month") String month) {
        return inspections.publish(grid, month);
    }
}
