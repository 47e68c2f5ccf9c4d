package org.redgrid.directory.boundary;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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
import org.redgrid.directory.control.PartnerUnits;
import org.redgrid.directory.control.UnitDraft;
import org.redgrid.kernel.text.DisplayText;
import org.redgrid.kernel.dynamo.Idempotency;
import org.redgrid.kernel.http.Created;
import org.redgrid.kernel.paging.Page;
import org.redgrid.kernel.paging.PageRequest;
import org.redgrid.directory.control.DirectoryPermissions;
import org.redgrid.kernel.security.Secured;

/** Partner units (共建单位). */
@Path("/directory/units")
@Tag(name = "共建单位 Partner units")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UnitsResource {

    @Inject
    PartnerUnits units;

    @Inject
    Idempotency idempotency;

    @POST
    @Secured(DirectoryPermissions.PEOPLE_WRITE)
    @Operation(summary = "登记共建单位")
    @APIResponseSchema(value = UnitView.class, responseCode = "201", responseDescription = "已创建")
    public RestResponse<UnitView> register(@Valid @NotNull UnitDraft unit, @Parameter(description = "每次提交生成一个新值（如 UUID），重试时原样再发：同一键只登记一次，重复请求返回首次结果") @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        UnitView view = UnitView.of(units.register(unit, idempotency.key(idempotencyKey, "POST /directory/units", unit)), false);
        return Created.at("/directory/units/" + view.id(), view);
    }

    @GET
    @Secured(DirectoryPermissions.PEOPLE_READ)
    @Operation(summary = "某节点之下的共建单位")
    public Page<UnitView> list(@QueryParam("under") @NotBlank(message = "请指定节点") String under,
            @Valid @BeanParam PageRequest page) {
        return units.list(under, page.limit, page.cursor).map(u -> UnitView.of(u, false));
    }

    @GET
    @Path("/{id}")
    @Secured(DirectoryPermissions.PEOPLE_READ)
    @Operation(summary = "查看共建单位；reveal=phone 加 reason 查看联系人完整电话（留痕）")
    public UnitView get(@PathParam("id") String id, @QueryParam("reveal") List<String> reveal, @QueryParam("reason") @DisplayText String reason) {
        PartnerUnits.UnitFile file = units.read(id, reveal, reason);
        return UnitView.of(file.unit(), file.phonesRevealed());
    }

    @PATCH
    @Path("/{id}")
    @Secured(DirectoryPermissions.PEOPLE_WRITE)
    @Operation(summary = "修改共建单位")
    public UnitView update(@PathParam("id") String id, @Valid @NotNull UnitDraft unit) {
        return UnitView.of(units.update(id, unit), false);
    }
}
