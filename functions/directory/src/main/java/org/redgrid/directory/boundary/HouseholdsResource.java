package org.redgrid.directory.boundary;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
import org.redgrid.directory.control.Households;
import org.redgrid.directory.control.NewHousehold;
import org.redgrid.directory.control.NodeNames;
import org.redgrid.directory.entity.Household;
import org.redgrid.kernel.dynamo.Idempotency;
import org.redgrid.kernel.http.Created;
import org.redgrid.kernel.paging.Page;
import org.redgrid.kernel.paging.PageRequest;
import org.redgrid.directory.control.DirectoryPermissions;
import org.redgrid.kernel.security.Secured;

/** Households (户). */
@Path("/directory/households")
@Tag(name = "住户 Households")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class HouseholdsResource {

    @Inject
    Households households;

    @Inject
    Idempotency idempotency;

    @Inject
    NodeNames names;

    @POST
    @Secured(DirectoryPermissions.PEOPLE_WRITE)
    @Operation(summary = "登记住户")
    @APIResponseSchema(value = HouseholdView.class, responseCode = "201", responseDescription = "已创建")
    public RestResponse<HouseholdView> register(@Valid @NotNull NewHousehold household, @Parameter(description = "每次提交生成一个新值（如 UUID），重试时原样再发：同一键只登记一次，重复请求返回首次结果") @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        Household registered = households.register(household, idempotency.key(idempotencyKey, "POST /directory/households", household));
        HouseholdView view = HouseholdView.of(registered, null, names.of(List.of(registered.nodePath()), List.of()));
        return Created.at("/directory/households/" + view.id(), view);
    }

    @GET
    @Secured(DirectoryPermissions.PEOPLE_READ)
    @Operation(summary = "某节点之下的住户")
    public Page<HouseholdView> list(@QueryParam("under") @NotBlank(message = "请指定节点") String under,
            @Valid @BeanParam PageRequest page) {
        Page<Household> found = households.list(under, page.limit, page.cursor);
        Map<String, String> known = names.of(found.items().stream().map(Household::nodePath).toList(), List.of());
        return found.map(h -> HouseholdView.of(h, null, known));
    }

    @GET
    @Path("/{id}")
    @Secured(DirectoryPermissions.PEOPLE_READ)
    @Operation(summary = "查看住户及成员")
    public HouseholdView get(@PathParam("id") String id) {
        Household household = households.get(id);
        return HouseholdView.of(household, households.members(id).items().stream().map(PersonLine::of).toList(),
                names.of(List.of(household.nodePath()), List.of()));
    }
}
