package org.redgrid.checkin.boundary;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import org.redgrid.checkin.control.NewRegistration;
import org.redgrid.checkin.control.Registrations;
import org.redgrid.checkin.entity.RegistrationStatus;
import org.redgrid.kernel.dynamo.Idempotency;
import org.redgrid.kernel.http.Created;
import org.redgrid.kernel.paging.Page;
import org.redgrid.kernel.paging.PageRequest;
import org.redgrid.kernel.security.Secured;

/** Registration of in-service party members at their home community (在职党员报到) and its public board. */
@Path("/checkin")
@Tag(name = "报到 Registration")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RegistrationsResource {

    @Inject
    Registrations registrations;

    @Inject
    Idempotency idempotency;

    @POST
    @Path("/registrations")
    @Secured(CheckinPermissions.SELF_WRITE)
    @Operation(summary = "本人报到（楼栋或网格、工作单位、特长、可服务时间、是否公开电话）")
    @APIResponseSchema(value = RegistrationView.class, responseCode = "201", responseDescription = "已创建")
    public RestResponse<RegistrationView> register(@Valid @NotNull NewRegistration registration,
            @Parameter(description = "每次提交生成一个新值，重试时原样再发：同一键只登记一次") @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        RegistrationView view = RegistrationView.of(registrations.register(registration,
                idempotency.key(idempotencyKey, "POST /checkin/registrations", registration)), true);
        return Created.at("/checkin/registrations/me", view);
    }

    @GET
    @Path("/registrations/me")
    @Secured(CheckinPermissions.SELF_READ)
    @Operation(summary = "本人的报到")
    public RegistrationView mine() {
        return RegistrationView.of(registrations.mine(), true);
    }

    @GET
    @Path("/registrations")
    @Secured(CheckinPermissions.REGISTRATION_READ)
    @Operation(summary = "某节点之下某状态的报到（社区待确认队列、网格已报到党员）")
    public Page<RegistrationView> list(@QueryParam("under") @NotBlank(message = "请指定节点") String under,
            @QueryParam("status") @DefaultValue("PENDING") @Pattern(regexp = "PENDING|CONFIRMED|REJECTED", message = "状态须为 PENDING、CONFIRMED 或 REJECTED") String status,
            @Valid @BeanParam PageRequest page) {
        return registrations.under(under, RegistrationStatus.valueOf(status), page.limit, page.cursor)
                .map(r -> RegistrationView.of(r, false));
    }

    @POST
    @Path("/registrations/{memberId}/confirm")
    @Secured(CheckinPermissions.REGISTRATION_REVIEW)
    @Operation(summary = "确认报到")
    public RegistrationView confirm(@PathParam("memberId") String memberId, @Valid Decision decision) {
        return RegistrationView.of(registrations.decide(memberId, RegistrationStatus.CONFIRMED, decision), false);
    }

    @POST
    @Path("/registrations/{memberId}/reject")
    @Secured(CheckinPermissions.REGISTRATION_REVIEW)
    @Operation(summary = "退回报到（须说明理由）")
    public RegistrationView reject(@PathParam("memberId") String memberId, @Valid @NotNull Decision decision) {
        return RegistrationView.of(registrations.decide(memberId, RegistrationStatus.REJECTED, decision), false);
    }

    @GET
    @Path("/board/{nodeCode}")
    @Secured(CheckinPermissions.BOARD_READ)
    @Operation(summary = "网格或楼栋的亮身份公示：已确认报到的党员（姓名、单位、楼栋；经本人同意才显示电话）")
    public List<BoardEntry> board(@PathParam("nodeCode") String nodeCode) {
        return registrations.board(nodeCode).stream().map(BoardEntry::of).toList();
    }

    @GET
    @Path("/nodes/{code}/tally")
    @Secured(CheckinPermissions.REGISTRATION_READ)
    @Operation(summary = "某节点（社区、网格……）的报到统计")
    public TallyView nodeTally(@PathParam("code") String code) {
        return TallyView.of(code, registrations.nodeTally(code));
    }

    @GET
    @Path("/employers/{code}/staff")
    @Secured(CheckinPermissions.EMPLOYER_READ)
    @Operation(summary = "本单位人员的报到情况（仅本单位可见）")
    public Page<StaffEntry> staff(@PathParam("code") String code, @Valid @BeanParam PageRequest page) {
        return registrations.staff(code, page.limit, page.cursor).map(StaffEntry::of);
    }

    @GET
    @Path("/employers/{code}/tally")
    @Secured(CheckinPermissions.EMPLOYER_READ)
    @Operation(summary = "本单位的报到统计")
    public TallyView employerTally(@PathParam("code") String code) {
        return TallyView.of(code, registrations.employerTally(code));
    }
}
