package org.redgrid.directory.boundary;


import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.redgrid.directory.control.Households;
import org.redgrid.directory.control.NewHousehold;
import org.redgrid.kernel.http.Created;
import org.redgrid.kernel.paging.Page;
import org.redgrid.kernel.paging.PageRequest;
import org.redgrid.kernel.security.Permission;
import org.redgrid.kernel.security.Secured;

/** Households (户). */
@Path("/directory/households")
@Tag(name = "住户 Households")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class HouseholdsResource {

    @Inject
    Households households;

    @POST
    @Secured(Permission.PEOPLE_WRITE)
    @Operation(summary = "登记住户")
    public RestResponse<HouseholdView> register(@Valid @NotNull NewHousehold household) {
        HouseholdView view = HouseholdView.of(households.register(household), null);
        return Created.at("/directory/households/" + view.id(), view);
    }

    @GET
    @Secured(Permission.PEOPLE_READ)
    @Operation(summary = "某节点之下的住户")
    public Page<HouseholdView> list(@QueryParam("under") @NotBlank(message = "请指定节点") String under,
            @Valid @BeanParam PageRequest page) {
        return households.list(under, page.limit, page.cursor).map(h -> HouseholdView.of(h, null));
    }

    @GET
    @Path("/{id}")
    @Secured(Permission.PEOPLE_READ)
    @Operation(summary = "查看住户及成员")
    public HouseholdView get(@PathParam("id") String id) {
        return HouseholdView.of(households.get(id), households.members(id).items().stream().map(PersonLine::of).toList());
    }
}
