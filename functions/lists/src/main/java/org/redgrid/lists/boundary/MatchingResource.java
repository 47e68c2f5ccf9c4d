package org.redgrid.lists.boundary;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.redgrid.kernel.dynamo.Idempotency;
import org.redgrid.kernel.http.Created;
import org.redgrid.kernel.paging.Page;
import org.redgrid.kernel.paging.PageRequest;
import org.redgrid.kernel.security.Secured;
import org.redgrid.lists.control.ListsPermissions;
import org.redgrid.lists.control.Matching;
import org.redgrid.lists.control.matching.InvalidBatchException;
import org.redgrid.lists.control.matching.MatchWeights;
import org.redgrid.kernel.problem.ProblemException;
import org.redgrid.lists.entity.MatchBatch;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Matching (需求与资源匹配): weights per community, batches with explained proposals, staff's decisions. */
@Path("/lists")
@Tag(name = "匹配 Matching")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MatchingResource {

    /** 匹配权重 as stored for a community or street; {@code custom} false: the defaults. */
    @RegisterForReflection
    public record WeightsView(String nodeCode, int category, int skill, int proximity, int time, int urgency, boolean custom,
            long version) {

        static WeightsView of(Matching.Weights w) {
            MatchWeights m = w.weights();
            return new WeightsView(w.nodeCode(), m.category(), m.skill(), m.proximity(), m.time(), m.urgency(), w.custom(),
                    w.version());
        }
    }

    @Inject
    Idempotency idempotency;

    @Inject
    Matching matching;

    @GET
    @Path("/communities/{code}/weights")
    @Secured(ListsPermissions.MATCHING_READ)
    @Operation(summary = "社区（或街道）的匹配权重；未设置时为默认值")
    public WeightsView weights(@PathParam("code") String code) {
        return WeightsView.of(matching.weights(code));
    }

    @PUT
    @Path("/communities/{code}/weights")
    @Secured(ListsPermissions.MATCHING_WRITE)
    @Operation(summary = "设置社区（或街道）的匹配权重：类别、技能、距离、时间、紧急程度")
    public WeightsView setWeights(@PathParam("code") String code, @Valid @NotNull Requests.Weights w) {
        MatchWeights weights;
        try {
            weights = new MatchWeights(w.category(), w.skill(), w.proximity(), w.time(), w.urgency());
        } catch (InvalidBatchException e) {
            throw ProblemException.badRequest(e.code(), e.getMessage());
        }
        return WeightsView.of(matching.setWeights(code, weights));
    }

    @POST
    @Path("/matching/batches")
    @Secured(ListsPermissions.MATCHING_WRITE)
    @Operation(summary = "发起匹配：社区（或街道）的待认领需求 × 可用资源，求总匹配度最优的方案并保存，每对附评分明细")
    @APIResponseSchema(value = MatchBatch.class, responseCode = "201", responseDescription = "已创建")
    public RestResponse<MatchBatch> run(@Valid @NotNull Requests.Batch batch,
            @Parameter(description = "可选；重试时原样再发：同一键只产生一个批次") @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        MatchBatch created = matching.run(batch.nodeCode(), idempotency.key(idempotencyKey, "POST /lists/matching/batches", batch));
        return Created.at("/lists/matching/batches/" + created.id(), created);
    }

    @GET
    @Path("/matching/batches")
    @Secured(ListsPermissions.MATCHING_READ)
    @Operation(summary = "社区（或街道）的匹配批次，最新在前")
    public Page<MatchBatch> list(@QueryParam("under") @NotBlank(message = "请指定社区或街道") String under,
            @Valid @BeanParam PageRequest page) {
        return matching.list(under, page.limit, page.cursor);
    }

    @GET
    @Path("/matching/batches/{id}")
    @Secured(ListsPermissions.MATCHING_READ)
    @Operation(summary = "匹配批次：总匹配度、需求与资源数、配对数、未匹配数与处理进度（配对分页读取）")
    public MatchBatch get(@PathParam("id") String id) {
        return matching.get(id);
    }

    @GET
    @Path("/matching/batches/{id}/pairs")
    @Secured(ListsPermissions.MATCHING_READ)
    @Operation(summary = "批次的配对（按网格排序，可只看某网格或社区），每对附评分明细与处理结果；unmatched=true 时为未匹配的需求及原因")
    public Page<MatchBatch.Pair> pairs(@PathParam("id") String id, @QueryParam("grid") String grid,
            @QueryParam("unmatched") @DefaultValue("false") boolean unmatched, @Valid @BeanParam PageRequest page) {
        return matching.pairs(id, grid, unmatched, page.limit, page.cursor);
    }

    /** 处理结果: the batch's head with its decision counters, and the pairs this call decided. */
    @RegisterForReflection
    @Schema(name = "MatchDecisionResult")
    public record DecisionView(MatchBatch batch, List<MatchBatch.Pair> pairs) {
    }

    @POST
    @Path("/matching/batches/{id}/decide")
    @Secured(ListsPermissions.MATCHING_WRITE)
    @Operation(summary = "处理匹配方案（一次最多 " + Matching.MAX_DECIDE + " 项）：采纳（可改派资源）的配对按认领规则成为认领，退回的需求保持待认领")
    public DecisionView decide(@PathParam("id") String id, @Valid @NotNull Requests.Decide decide) {
        List<Matching.Acceptance> accept = decide.accept() == null ? List.of()
                : decide.accept().stream().map(p -> new Matching.Acceptance(p.demandId(), p.resourceId())).toList();
        Matching.Decided decided = matching.decide(id, accept, decide.reject() == null ? List.of() : decide.reject());
        return new DecisionView(decided.batch(), decided.pairs());
    }
}
