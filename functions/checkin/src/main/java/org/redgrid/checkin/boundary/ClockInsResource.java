package org.redgrid.checkin.boundary;

import java.time.YearMonth;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import org.redgrid.checkin.control.AttendanceSheet;
import org.redgrid.checkin.control.CheckinPermissions;
import org.redgrid.checkin.control.ClockIns;
import org.redgrid.checkin.control.GridAttendance;
import org.redgrid.checkin.control.NewClockIn;
import org.redgrid.checkin.entity.ClockIn;
import org.redgrid.kernel.dynamo.Idempotency;
import org.redgrid.kernel.http.Created;
import org.redgrid.kernel.security.Secured;

/** Clock-in of sinking cadres and grid workers (打卡) and their monthly attendance sheet (考勤). */
@Path("/checkin")
@Tag(name = "打卡 Clock-in")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClockInsResource {

    @Inject
    ClockIns clockIns;

    @Inject
    Idempotency idempotency;

    @POST
    @Path("/clock")
    @Secured(CheckinPermissions.CLOCK_WRITE)
    @Operation(summary = "上班或下班打卡：服务器时间，须在网格边界内（含容差）且在值守时段内，每时段一次")
    @APIResponseSchema(value = ClockIn.class, responseCode = "201", responseDescription = "已创建")
    public RestResponse<ClockIn> clockIn(@Valid @NotNull NewClockIn clockIn,
            @Parameter(description = "每次打卡生成一个新值，重试时原样再发：同一键只打卡一次") @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        ClockIn done = clockIns.clockIn(clockIn, idempotency.key(idempotencyKey, "POST /checkin/clock", clockIn));
        return Created.at("/checkin/grids/" + done.gridCode() + "/attendance/" + done.memberId() + "?month="
                + done.day().substring(0, 7), done);
    }

    @GET
    @Path("/grids/{code}/attendance/{memberId}")
    @Secured(CheckinPermissions.ATTENDANCE_READ)
    @Operation(summary = "某人在某网格的月度考勤表与异常（缺勤日、网格外打卡）")
    public AttendanceSheet month(@PathParam("code") String code, @PathParam("memberId") String memberId,
            @QueryParam("month") @NotNull(message = "请指定月份") @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])", message = "月份格式为 YYYY-MM") String month) {
        return clockIns.month(code, memberId, YearMonth.parse(month));
    }

    @GET
    @Path("/grids/{code}/attendance")
    @Secured(CheckinPermissions.ATTENDANCE_READ)
    @Operation(summary = "网格某月考勤日历：每人每天的上下班打卡、假期、网格外打卡及缺勤日")
    public GridAttendance gridMonth(@PathParam("code") String code,
            @QueryParam("month") @NotNull(message = "请指定月份") @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])", message = "月份格式为 YYYY-MM") String month) {
        return clockIns.gridMonth(code, YearMonth.parse(month));
    }
}
