package org.redgrid.directory.boundary;

import java.util.List;
import java.util.Objects;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.redgrid.directory.control.NodeNames;
import org.redgrid.kernel.security.Caller;
import org.redgrid.kernel.security.Grant;
import org.redgrid.kernel.security.Guard;
import org.redgrid.kernel.security.Secured;

/** The signed-in caller's roles and permissions, from the role table, for the console's menus and landing page. */
@Path("/directory/access")
@Tag(name = "权限 Access")
@Produces(MediaType.APPLICATION_JSON)
public class AccessResource {

    @Inject
    Guard guard;

    @Inject
    NodeNames names;

    @GET
    @Secured(Secured.SIGNED_IN)
    @Operation(summary = "当前用户的角色、权限与首页（管理台或手机端）")
    public AccessView access() {
        Caller caller = guard.caller();
        List<String> nodes = caller.grants().stream().map(Grant::nodeCode).filter(Objects::nonNull).distinct().toList();
        return AccessView.of(caller, names.of(List.of(), nodes));
    }
}
