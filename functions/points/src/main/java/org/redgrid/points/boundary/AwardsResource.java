package org.redgrid.points.boundary;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.redgrid.kernel.dynamo.Idempotency;
import org.redgrid.kernel.paging.Page;
import org.redgrid.kernel.paging.PageRequest;
import org.redgrid.kernel.security.Secured;
import org.redgrid.points.control.Awards;
import org.redgrid.points.control.PointsPermissions;
import org.redgrid.points.entity.Award;

/** Manual awards and their approval (人工奖励与审批). */
@Path("/points/awards")
@Tag(name = "积分奖励 Awards")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AwardsResource {

    @Inject
    Awards awards;

    @Inject
    Idempotency idempotency;

    /** 201 when posted; 202 when it waits for a second person's approval. */
    @POST
    @Secured(PointsPermissions.AWARD_WRITE)
    @Operation(summary = "人工奖励积分（超过社区限额须另一人审批）")
    @APIResponseSchema(value = Award.class, responseCode = "201", responseDescription = "已创建")
    public RestResponse<Award> award(@Valid @NotNull Awards.NewAward award, @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        Award done = awards.award(award, idempotency.key(idempotencyKey, "POST /points/awards", award));
        return RestResponse.status(Award.PENDING.equals(done.status()) ? RestResponse.Status.ACCEPTED : RestResponse.Status.CREATED,
                done);
    }

    @GET
    @Secured(PointsPermissions.AWARD_APPROVE)
    @Operation(summary = "社区待审批的奖励（早的在前，游标分页）")
    public Page<Award> pending(@QueryParam("community") @NotBlank(message = "请指定社区") String community,
            @Valid @BeanParam PageRequest page) {
        return awards.pending(community, page.limit, page.cursor);
    }

    @POST
    @Path("/{id}/approve")
    @Secured(PointsPermissions.AWARD_APPROVE)
    @Operation(summary = "审批待批奖励（须为另一人）")
    public Award approve(@PathParam("id") String id) {
        return awards.approve(id);
    }
}
