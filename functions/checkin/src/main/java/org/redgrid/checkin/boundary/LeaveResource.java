package org.redgrid.checkin.boundary;

import java.time.YearMonth;
import java.util.List;

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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.redgrid.checkin.control.CheckinPermissions;
import org.redgrid.checkin.control.Decision;
import org.redgrid.checkin.control.Leaves;
import org.redgrid.checkin.control.NewLeave;
import org.redgrid.checkin.entity.LeaveRequest;
import org.redgrid.kernel.dynamo.Idempotency;
import org.redgrid.kernel.http.Created;
import org.redgrid.kernel.paging.Page;
import org.redgrid.kernel.paging.PageRequest;
import org.redgrid.kernel.security.Secured;

/** Leave requests of sinking cadres and grid workers (请销假): requested, approved or rejected, cancelled or closed early. */
@Path("/checkin")
@Tag(name = "请销假 Leave")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LeaveResource {

    /** A member's leave at a grid touching one month. */
    public record LeaveMonth(String memberId, String gridCode, String month, List<LeaveRequest> items) {
    }

    @Inject
    Leaves leaves;

    @Inject
    Idempotency idempotency;

    @POST
    @Path("/leave")
    @Secured(CheckinPermissions.LEAVE_WRITE)
    @Operation(summary = "本人在所在网格请假（待网格长或社区审批）；与已提交或已批准的请假重叠为 409")
    @APIResponseSchema(value = LeaveRequest.class, responseCode = "201", responseDescription = "已创建")
    public RestResponse<LeaveRequest> request(@Valid @NotNull NewLeave leave,
            @Parameter(description = "每次提交生成一个新值，重试时原样再发：同一键只请假一次") @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        LeaveRequest created = leaves.request(leave, idempotency.key(idempotencyKey, "POST /checkin/leave", leave));
        return Created.at("/checkin/leave/mine", created);
    }

    @GET
    @Path("/leave/mine")
    @Secured(CheckinPermissions.LEAVE_WRITE)
    @Operation(summary = "本人的请假，按开始日期")
    public Page<LeaveRequest> mine(@Valid @BeanParam PageRequest page) {
        return leaves.mine(page.limit, page.cursor);
    }

    @GET
    @Path("/leave/pending")
    @Secured(CheckinPermissions.LEAVE_REVIEW)
    @Operation(summary = "某节点（社区、网格）下待审批的请假")
    public Page<LeaveRequest> pending(@QueryParam("under") @NotNull(message = "请指定节点") String under,
            @Valid @BeanParam PageRequest page) {
        return leaves.pending(under, page.limit, page.cursor);
    }

    @GET
    @Path("/grids/{code}/leave/{memberId}")
    @Secured(CheckinPermissions.ATTENDANCE_READ)
    @Operation(summary = "某人在某网格某月的请假（各状态）")
    public LeaveMonth month(@PathParam("code") String code, @PathParam("memberId") String memberId,
            @QueryParam("month") @NotNull(message = "请指定月份") @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])", message = "月份格式为 YYYY-MM") String month) {
        return new LeaveMonth(memberId, code, month, leaves.month(code, memberId, YearMonth.parse(month)));
    }

    @POST
    @Path("/leave/{id}/approve")
    @Secured(CheckinPermissions.LEAVE_REVIEW)
    @Operation(summary = "批准请假（不能审批本人的）；假期计入考勤，不算缺勤")
    public LeaveRequest approve(@PathParam("id") String id, @Valid Decision decision) {
        return leaves.approve(id, decision == null ? null : decision.version());
    }

    @POST
    @Path("/leave/{id}/reject")
    @Secured(CheckinPermissions.LEAVE_REVIEW)
    @Operation(summary = "不批准请假，须说明理由")
    public LeaveRequest reject(@PathParam("id") String id, @Valid Decision decision) {
        return leaves.reject(id, decision == null ? null : decision.reason(), decision == null ? null : decision.version());
    }

    @POST
    @Path("/leave/{id}/cancel")
    @Secured(CheckinPermissions.LEAVE_WRITE)
    @Operation(summary = "本人撤销尚未开始的请假，或提前销假（今天起不再算假期）")
    public LeaveRequest cancel(@PathParam("id") String id) {
        return leaves.cancel(id);
    }
}
