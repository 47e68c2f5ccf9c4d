package org.redgrid.points.boundary;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.redgrid.kernel.dynamo.Idempotency;
import org.redgrid.kernel.http.Created;
import org.redgrid.kernel.security.Secured;
import org.redgrid.points.control.CommunitySettings;
import org.redgrid.points.control.PointsPermissions;
import org.redgrid.points.control.PointsRules;
import org.redgrid.points.control.PointsStore;
import org.redgrid.points.entity.Rule;

/** A community's rule catalogue, versioned (积分规则目录), and its settings as they stand. */
@Path("/points")
@Tag(name = "积分规则 Rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RulesResource {

    @Inject
    PointsRules rules;

    @Inject
    PointsStore store;

    @Inject
    Idempotency idempotency;

    @POST
    @Path("/communities/{code}/rules")
    @Secured(PointsPermissions.RULES_WRITE)
    @Operation(summary = "新建积分规则（版本 1）")
    @APIResponseSchema(value = Rule.class, responseCode = "201", responseDescription = "已创建")
    public RestResponse<Rule> create(@PathParam("code") String code, @Valid @NotNull PointsRules.NewRule rule,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        Rule created = rules.create(code, rule, idempotency.key(idempotencyKey, "POST /points/communities/" + code + "/rules", rule));
        return Created.at("/points/communities/" + code + "/rules/" + created.id(), created);
    }

    @GET
    @Path("/communities/{code}/rules")
    @Secured(PointsPermissions.LEDGER_READ)
    @Operation(summary = "社区积分规则（现行版本）")
    public List<Rule> list(@PathParam("code") String code) {
        return rules.list(code);
    }

    @PUT
    @Path("/communities/{code}/rules/{ruleId}")
    @Secured(PointsPermissions.RULES_WRITE)
    @Operation(summary = "修改积分规则（生成新版本，旧版本保留）")
    public Rule change(@PathParam("code") String code, @PathParam("ruleId") String ruleId, @Valid @NotNull PointsRules.RuleChange change) {
        return rules.change(code, ruleId, change);
    }

    @GET
    @Path("/communities/{code}/rules/{ruleId}/versions")
    @Secured(PointsPermissions.LEDGER_READ)
    @Operation(summary = "积分规则的全部版本（旧的在前）")
    public List<Rule> versions(@PathParam("code") String code, @PathParam("ruleId") String ruleId) {
        return rules.versions(code, ruleId);
    }

    @GET
    @Path("/communities/{code}/settings")
    @Secured(PointsPermissions.LEDGER_READ)
    @Operation(summary = "社区积分设置（审批限额、发放额度、每户月上限、有效期）")
    public CommunitySettings settings(@PathParam("code") String code) {
        store.requireWithin(PointsPermissions.LEDGER_READ, store.existingCommunity(code));
        return store.settings(code);
    }
}
