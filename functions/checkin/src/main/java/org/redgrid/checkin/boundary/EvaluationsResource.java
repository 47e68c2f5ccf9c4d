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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.redgrid.checkin.control.CheckinPermissions;
import org.redgrid.checkin.control.Evaluations;
import org.redgrid.checkin.control.GradeChange;
import org.redgrid.checkin.control.NewRules;
import org.redgrid.checkin.entity.EvaluationRules;
import org.redgrid.checkin.entity.EvaluationSheet;
import org.redgrid.checkin.entity.GradeOverride;
import org.redgrid.kernel.dynamo.Idempotency;
import org.redgrid.kernel.http.Created;
import org.redgrid.kernel.paging.Page;
import org.redgrid.kernel.paging.PageRequest;
import org.redgrid.kernel.security.Secured;

/**
 * The year-end evaluation (年终考评) of a community's members: its rules, the proposal, overrides with their audit,
 * finalisation, and a member's own evaluation.
 */
@Path("/checkin")
@Tag(name = "年终考评 Year-end evaluation")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EvaluationsResource {

    private static final String YEAR = "\\d{4}";
    private static final String YEAR_MESSAGE = "年份格式为 YYYY";

    @Inject
    Evaluations evaluations;

    @Inject
    Idempotency idempotency;

    @GET
    @Path("/communities/{code}/evaluation-rules")
    @Secured(CheckinPermissions.EVALUATION_READ)
    @Operation(summary = "社区现行的考评规则（未设置时为默认规则，版本 0）")
    public EvaluationRules rules(@PathParam("code") String code) {
        return evaluations.rules(code);
    }

    @GET
    @Path("/communities/{code}/evaluation-rules/history")
    @Secured(CheckinPermissions.EVALUATION_READ)
    @Operation(summary = "社区考评规则的历次版本（新的在前）")
    public Page<EvaluationRules> rulesHistory(@PathParam("code") String code, @Valid @BeanParam PageRequest page) {
        return evaluations.rulesHistory(code, page.limit, page.cursor);
    }

    @POST
    @Path("/communities/{code}/evaluation-rules")
    @Secured(CheckinPermissions.EVALUATION_WRITE)
    @Operation(summary = "设置社区考评规则（产生新版本；权重、满分值、等次分数线）")
    @APIResponseSchema(value = EvaluationRules.class, responseCode = "201", responseDescription = "已创建")
    public RestResponse<EvaluationRules> setRules(@PathParam("code") String code, @Valid @NotNull NewRules rules,
            @Parameter(description = "每次提交生成一个新值，重试时原样再发") @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        EvaluationRules set = evaluations.setRules(code, rules,
                idempotency.key(idempotencyKey, "POST /checkin/communities/" + code + "/evaluation-rules", rules));
        return Created.at("/checkin/communities/" + code + "/evaluation-rules", set);
    }

    @POST
    @Path("/communities/{code}/evaluations/{year}/propose")
    @Secured(CheckinPermissions.EVALUATION_WRITE)
    @Operation(summary = "按现行规则提出社区本年度全部已确认报到党员的考评等次（可重复提出；已改评的保留）")
    public EvaluationSheet propose(@PathParam("code") String code,
            @PathParam("year") @Pattern(regexp = YEAR, message = YEAR_MESSAGE) String year) {
        return evaluations.propose(code, year);
    }

    @GET
    @Path("/communities/{code}/evaluations/{year}")
    @Secured(CheckinPermissions.EVALUATION_READ)
    @Operation(summary = "社区某年度考评表：表头与一页党员（含得分构成）")
    public SheetView sheet(@PathParam("code") String code,
            @PathParam("year") @Pattern(regexp = YEAR, message = YEAR_MESSAGE) String year, @Valid @BeanParam PageRequest page) {
        Evaluations.SheetPage sheet = evaluations.sheet(code, year, page.limit, page.cursor);
        return new SheetView(sheet.head(), sheet.members().items().stream().map(EvaluationView::of).toList(),
                sheet.members().nextCursor());
    }

    @POST
    @Path("/communities/{code}/evaluations/{year}/members/{memberId}/override")
    @Secured(CheckinPermissions.EVALUATION_WRITE)
    @Operation(summary = "改评：调整某党员的等次（须说明理由，留痕）")
    public EvaluationView override(@PathParam("code") String code,
            @PathParam("year") @Pattern(regexp = YEAR, message = YEAR_MESSAGE) String year,
            @PathParam("memberId") String memberId, @Valid @NotNull GradeChange change,
            @Parameter(description = "每次提交生成一个新值，重试时原样再发") @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return EvaluationView.of(evaluations.override(code, year, memberId, change, idempotency.key(idempotencyKey,
                "POST /checkin/communities/" + code + "/evaluations/" + year + "/members/" + memberId + "/override", change)));
    }

    @GET
    @Path("/communities/{code}/evaluations/{year}/overrides")
    @Secured(CheckinPermissions.EVALUATION_READ)
    @Operation(summary = "改评记录（谁、何时、由何等次改为何等次、理由；不可更改）")
    public Page<GradeOverride> overrides(@PathParam("code") String code,
            @PathParam("year") @Pattern(regexp = YEAR, message = YEAR_MESSAGE) String year, @Valid @BeanParam PageRequest page) {
        return evaluations.overrides(code, year, page.limit, page.cursor);
    }

    @POST
    @Path("/communities/{code}/evaluations/{year}/finalise")
    @Secured(CheckinPermissions.EVALUATION_WRITE)
    @Operation(summary = "定稿：此后不能再提出或改评，工作单位可查看本单位人员等次")
    public EvaluationSheet finalise(@PathParam("code") String code,
            @PathParam("year") @Pattern(regexp = YEAR, message = YEAR_MESSAGE) String year) {
        return evaluations.finalise(code, year);
    }

    @GET
    @Path("/evaluations/mine")
    @Secured(CheckinPermissions.SELF_READ)
    @Operation(summary = "本人某年度的考评")
    public EvaluationView mine(@QueryParam("year") @NotNull(message = "请指定年份") @Pattern(regexp = YEAR, message = YEAR_MESSAGE) String year) {
        return EvaluationView.of(evaluations.mine(year));
    }
}
