package org.redgrid.checkin.boundary;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.redgrid.checkin.control.CheckinPermissions;
import org.redgrid.checkin.control.NewServiceRecord;
import org.redgrid.checkin.control.ServiceRecords;
import org.redgrid.checkin.entity.ServiceRecord;
import org.redgrid.kernel.dynamo.Idempotency;
import org.redgrid.kernel.http.Created;
import org.redgrid.kernel.paging.Page;
import org.redgrid.kernel.paging.PageRequest;
import org.redgrid.kernel.security.Secured;

/** Service records (服务纪实): logged by members, verified by grid leaders, published per grid and quarter. */
@Path("/checkin")
@Tag(name = "服务纪实 Service records")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ServiceRecordsResource {

    /** A member's verified service in one month or year (服务时长统计). */
    public record Totals(String period, long minutes, long records) {
    }

    @Inject
    ServiceRecords services;

    @Inject
    Idempotency idempotency;

    @POST
    @Path("/services")
    @Secured(CheckinPermissions.SERVICE_WRITE)
    @Operation(summary = "登记本人的服务纪实（待网格长核实）")
    public RestResponse<ServiceRecord> log(@Valid @NotNull NewServiceRecord record,
            @Parameter(description = "每次提交生成一个新值，重试时原样再发：同一键只登记一次") @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        ServiceRecord created = services.log(record, idempotency.key(idempotencyKey, "POST /checkin/services", record));
        return Created.at("/checkin/grids/" + created.gridCode() + "/ledger?quarter=" + ServiceRecord.quarterOf(created.day()), created);
    }

    @POST
    @Path("/services/{id}/verify")
    @Secured(CheckinPermissions.SERVICE_VERIFY)
    @Operation(summary = "核实服务纪实：计入月度、年度时长并发出 checkin.ServiceVerified 事件；已核实的再核实为 409")
    public ServiceRecord verify(@PathParam("id") String id) {
        return services.verify(id);
    }

    @GET
    @Path("/services/mine")
    @Secured(CheckinPermissions.SELF_READ)
    @Operation(summary = "本人的服务纪实")
    public Page<ServiceRecord> mine(@Valid @BeanParam PageRequest page) {
        return services.mine(page.limit, page.cursor);
    }

    @GET
    @Path("/services/mine/totals")
    @Secured(CheckinPermissions.SELF_READ)
    @Operation(summary = "本人某月（YYYY-MM）或某年（YYYY）已核实的服务时长")
    public Totals myTotals(@QueryParam("period") @NotNull(message = "请指定月份或年份")
            @Pattern(regexp = "\\d{4}(-(0[1-9]|1[0-2]))?", message = "期间格式为 YYYY 或 YYYY-MM") String period) {
        long[] t = services.myTotals(period);
        return new Totals(period, t[0], t[1]);
    }

    @GET
    @Path("/grids/{code}/ledger")
    @Secured(CheckinPermissions.SERVICE_READ)
    @Operation(summary = "网格某季度（如 2026Q4）的服务台账")
    public Page<ServiceRecord> ledger(@PathParam("code") String code,
            @QueryParam("quarter") @NotNull(message = "请指定季度") @Pattern(regexp = "\\d{4}Q[1-4]", message = "季度格式为 YYYYQn，如 2026Q4") String quarter,
            @Valid @BeanParam PageRequest page) {
        return services.ledger(code, quarter, page.limit, page.cursor);
    }
}
