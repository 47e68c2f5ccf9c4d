package org.redgrid.lists.boundary;

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
import org.redgrid.kernel.dynamo.Idempotency;
import org.redgrid.kernel.http.Created;
import org.redgrid.kernel.paging.Page;
import org.redgrid.kernel.paging.PageRequest;
import org.redgrid.kernel.security.Secured;
import org.redgrid.lists.control.Demands;
import org.redgrid.lists.control.Imported;
import org.redgrid.lists.control.ListsPermissions;
import org.redgrid.lists.control.NewDemand;
import org.redgrid.lists.entity.Demand;
import org.redgrid.lists.entity.DemandStatus;

/** The demand list (需求清单): submit, browse, claim (秒认领), complete, close with feedback, import. */
@Path("/lists")
@Tag(name = "需求清单 Demands")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DemandsResource {

    private static final String KEY = "每次提交生成一个新值，重试时原样再发：同一键只生效一次";

    @Inject
    Demands demands;

    @Inject
    Idempotency idempotency;

    @POST
    @Path("/demands")
    @Secured(ListsPermissions.DEMAND_SUBMIT)
    @Operation(summary = "提交需求：居民提交本人需求或微心愿，网格员登记入户走访发现的需求")
    @APIResponseSchema(value = Demand.class, responseCode = "201", responseDescription = "已创建")
    public RestResponse<Demand> submit(@Valid @NotNull NewDemand demand,
            @Parameter(description = KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        Demand created = demands.submit(demand, idempotency.key(idempotencyKey, "POST /lists/demands", demand));
        return Created.at("/lists/demands/" + created.id(), created);
    }

    @GET
    @Path("/demands")
    @Secured(ListsPermissions.DEMAND_READ)
    @Operation(summary = "辖区需求清单：某节点（网格、社区、街道）下某状态的需求，可按类别筛选；按网格、发布时间排序")
    public Page<Demand> list(@QueryParam("under") @NotBlank(message = "请指定节点") String under,
            @QueryParam("status") @DefaultValue("OPEN") DemandStatus status, @QueryParam("category") String category,
            @Valid @BeanParam PageRequest page) {
        return demands.list(under, status, category, page.limit, page.cursor);
    }

    @GET
    @Path("/demands/mine")
    @Secured(ListsPermissions.DEMAND_MINE)
    @Operation(summary = "本人提交的需求，最新在前")
    public Page<Demand> mine(@Valid @BeanParam PageRequest page) {
        return demands.mine(page.limit, page.cursor);
    }

    @GET
    @Path("/demands/{id}")
    @Secured(Secured.SIGNED_IN)
    @Operation(summary = "需求详情（辖区工作人员、提交人、认领人可见）")
    public Demand get(@PathParam("id") String id) {
        return demands.get(id);
    }

    @POST
    @Path("/demands/{id}/claim")
    @Secured(ListsPermissions.CLAIM_WRITE)
    @Operation(summary = "秒认领：以本人（本单位）的资源认领待认领需求；先到先得，在资源本月可承接数之内")
    @APIResponseSchema(value = Demand.class, responseCode = "201", responseDescription = "已创建")
    public RestResponse<Demand> claim(@PathParam("id") String id, @Valid @NotNull Requests.ResourceChoice choice,
            @Parameter(description = KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        Demand claimed = demands.claim(id, choice.resourceId(),
                idempotency.key(idempotencyKey, "POST /lists/demands/" + id + "/claim", choice));
        return Created.at("/lists/demands/" + id, claimed);
    }

    @POST
    @Path("/demands/{id}/done")
    @Secured(ListsPermissions.DEMAND_READ)
    @Operation(summary = "认领人（或网格工作人员）报告需求已完成，待受益人评价")
    public Demand done(@PathParam("id") String id, @Valid Requests.Done done) {
        return demands.done(id, done == null ? null : done.note());
    }

    @POST
    @Path("/demands/{id}/feedback")
    @Secured(ListsPermissions.DEMAND_FEEDBACK)
    @Operation(summary = "受益人评价并办结已完成的需求（工作人员可代为登记）")
    public Demand feedback(@PathParam("id") String id, @Valid @NotNull Requests.Rating rating) {
        return demands.feedback(id, rating.rating(), rating.comment());
    }

    @POST
    @Path("/demands/{id}/cancel")
    @Secured(ListsPermissions.DEMAND_SUBMIT)
    @Operation(summary = "取消待认领的需求（提交人或辖区工作人员）")
    public Demand cancel(@PathParam("id") String id, @Valid @NotNull Requests.Cancel cancel) {
        return demands.cancel(id, cancel.reason());
    }

    @POST
    @Path("/demands/import")
    @Secured(ListsPermissions.DEMAND_WRITE)
    @Operation(summary = "批量导入需求（控制台解析 Excel 后逐行提交）：先校验全部行，错误指明行号与字段；须带幂等键，重复导入不重复写入")
    public Imported importRows(@Valid @NotNull Requests.Import body,
            @Parameter(description = "必填。每次导入生成一个新值，重试时原样再发") @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return demands.importRows(body.rows(), idempotency.key(idempotencyKey, "POST /lists/demands/import", body));
    }

    @GET
    @Path("/claims/mine")
    @Secured(ListsPermissions.CLAIM_WRITE)
    @Operation(summary = "本人（本单位）认领或被匹配的需求，最新在前")
    public Page<Demand> myClaims(@Valid @BeanParam PageRequest page) {
        return demands.claimedByMe(page.limit, page.cursor);
    }
}
