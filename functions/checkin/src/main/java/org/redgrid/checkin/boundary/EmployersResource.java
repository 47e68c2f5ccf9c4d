package org.redgrid.checkin.boundary;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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
import org.redgrid.checkin.control.Employers;
import org.redgrid.checkin.control.Evaluations;
import org.redgrid.checkin.control.NewEmployer;
import org.redgrid.checkin.control.RosterUpload;
import org.redgrid.checkin.control.Rosters;
import org.redgrid.kernel.dynamo.Idempotency;
import org.redgrid.kernel.http.Created;
import org.redgrid.kernel.paging.Page;
import org.redgrid.kernel.paging.PageRequest;
import org.redgrid.kernel.security.Secured;

/**
 * Employer units (工作单位): the registry streets and districts keep, the roster (花名册) each unit uploads and its
 * registration rate, the ranking of units, and the final year-end grades each unit receives for its staff.
 */
@Path("/checkin")
@Tag(name = "工作单位 Employer units")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EmployersResource {

    private static final String IDEMPOTENCY = "每次提交生成一个新值，重试时原样再发：同一键只生效一次";

    @Inject
    Employers employers;

    @Inject
    Rosters rosters;

    @Inject
    Evaluations evaluations;

    @Inject
    Idempotency idempotency;

    @POST
    @Path("/employers")
    @Secured(CheckinPermissions.EMPLOYERS_WRITE)
    @Operation(summary = "登记工作单位（代码 E 加 2–8 位数字，由街道或区登记）")
    @APIResponseSchema(value = EmployerView.class, responseCode = "201", responseDescription = "已创建")
    public RestResponse<EmployerView> register(@Valid @NotNull NewEmployer employer,
            @Parameter(description = IDEMPOTENCY) @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        EmployerView view = EmployerView.of(employers.register(employer,
                idempotency.key(idempotencyKey, "POST /checkin/employers", employer)));
        return Created.at("/checkin/employers?under=" + view.nodeCode(), view);
    }

    @GET
    @Path("/employers")
    @Secured(CheckinPermissions.EMPLOYERS_READ)
    @Operation(summary = "某街道或区之下的工作单位名录")
    public Page<EmployerView> list(@QueryParam("under") @NotBlank(message = "请指定节点") String under,
            @Valid @BeanParam PageRequest page) {
        return employers.under(under, page.limit, page.cursor).map(EmployerView::of);
    }

    @GET
    @Path("/employers/ranking")
    @Secured(CheckinPermissions.EMPLOYERS_READ)
    @Operation(summary = "某街道或区之下工作单位的年度排名（报到率与参与率）")
    public RankingView ranking(@QueryParam("under") @NotBlank(message = "请指定节点") String under,
            @QueryParam("year") @NotNull(message = "请指定年份") @Pattern(regexp = "\\d{4}", message = "年份格式为 YYYY") String year) {
        return new RankingView(under, year, employers.ranking(under, year));
    }

    @POST
    @Path("/employers/{code}/roster")
    @Secured(CheckinPermissions.ROSTER_WRITE)
    @Operation(summary = "上传本单位花名册（整体替换；错误逐行列出）")
    public Rosters.Result uploadRoster(@PathParam("code") String code, @Valid @NotNull RosterUpload roster,
            @Parameter(description = IDEMPOTENCY) @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return rosters.upload(code, roster, idempotency.key(idempotencyKey, "POST /checkin/employers/" + code + "/roster", roster));
    }

    @GET
    @Path("/employers/{code}/roster")
    @Secured(CheckinPermissions.EMPLOYER_READ)
    @Operation(summary = "本单位花名册及每人的报到情况（在哪里报到、是否确认）")
    public Page<RosterEntry> roster(@PathParam("code") String code, @Valid @BeanParam PageRequest page) {
        return rosters.entries(code, page.limit, page.cursor).map(RosterEntry::of);
    }

    @GET
    @Path("/employers/{code}/rate")
    @Secured(CheckinPermissions.EMPLOYER_READ)
    @Operation(summary = "本单位报到率（总体与按社区）")
    public RateView rate(@PathParam("code") String code) {
        return RateView.of(rosters.rate(code));
    }

    @GET
    @Path("/employers/{code}/evaluations/{year}")
    @Secured(CheckinPermissions.EMPLOYER_READ)
    @Operation(summary = "本单位人员某年已定稿的考评等次（导出表格与打印通知用）")
    public Page<GradeNotice> grades(@PathParam("code") String code,
            @PathParam("year") @Pattern(regexp = "\\d{4}", message = "年份格式为 YYYY") String year,
            @Valid @BeanParam PageRequest page) {
        return evaluations.employerGrades(code, year, page.limit, page.cursor)
                .map(e -> GradeNotice.of(e, evaluations.noticeDate(e)));
    }
}
