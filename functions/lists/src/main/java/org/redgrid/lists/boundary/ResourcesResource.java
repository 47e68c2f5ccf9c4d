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
import org.redgrid.kernel.dynamo.Idempotency;
import org.redgrid.kernel.http.Created;
import org.redgrid.kernel.paging.Page;
import org.redgrid.kernel.paging.PageRequest;
import org.redgrid.kernel.security.Secured;
import org.redgrid.lists.control.Imported;
import org.redgrid.lists.control.ListsPermissions;
import org.redgrid.lists.control.NewResource;
import org.redgrid.lists.control.Resources;
import org.redgrid.lists.entity.Resource;
import org.redgrid.lists.entity.ResourceStatus;

/** The resource list (资源清单): partner units' offers, members' skills and time, volunteer teams. */
@Path("/lists/resources")
@Tag(name = "资源清单 Resources")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ResourcesResource {

    @Inject
    Resources resources;

    @Inject
    Idempotency idempotency;

    @POST
    @Secured(ListsPermissions.RESOURCE_WRITE)
    @Operation(summary = "登记资源：共建单位的服务、党员本人的技能与时间、志愿队伍；服务范围与每月可承接数")
    @APIResponseSchema(value = Resource.class, responseCode = "201", responseDescription = "已创建")
    public RestResponse<Resource> offer(@Valid @NotNull NewResource resource,
            @Parameter(description = "每次提交生成一个新值，重试时原样再发：同一键只登记一次") @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        Resource created = resources.offer(resource, idempotency.key(idempotencyKey, "POST /lists/resources", resource));
        return Created.at("/lists/resources/" + created.id(), created);
    }

    @GET
    @Secured(ListsPermissions.RESOURCE_READ)
    @Operation(summary = "辖区资源清单：所在节点在某节点之下的资源")
    public Page<Resource> list(@QueryParam("under") @NotBlank(message = "请指定节点") String under,
            @QueryParam("status") @DefaultValue("ACTIVE") ResourceStatus status, @Valid @BeanParam PageRequest page) {
        return resources.list(under, status, page.limit, page.cursor);
    }

    @GET
    @Path("/mine")
    @Secured(ListsPermissions.RESOURCE_WRITE)
    @Operation(summary = "本人（本单位）登记的资源")
    public Page<Resource> mine(@Valid @BeanParam PageRequest page) {
        return resources.mine(page.limit, page.cursor);
    }

    @GET
    @Path("/{id}")
    @Secured(ListsPermissions.RESOURCE_READ)
    @Operation(summary = "资源详情，含本月已承接数")
    public Resource get(@PathParam("id") String id) {
        return resources.get(id);
    }

    @PATCH
    @Path("/{id}")
    @Secured(ListsPermissions.RESOURCE_WRITE)
    @Operation(summary = "修改资源（登记人或辖区工作人员）：名称、描述、类别、技能、服务范围、可服务时段、每月可承接数；所在节点与类型不变。"
            + "带 version 时仅在该版本上修改；每月可承接数不能少于本月已承接数")
    public Resource edit(@PathParam("id") String id, @Valid @NotNull NewResource resource) {
        return resources.edit(id, resource);
    }

    @POST
    @Path("/import")
    @Secured(ListsPermissions.RESOURCE_WRITE)
    @Operation(summary = "批量导入资源（控制台解析 Excel 后逐行提交）：先校验全部行，错误指明行号与字段；须带幂等键，重复导入不重复写入")
    public Imported importRows(@Valid @NotNull Requests.ResourceImport body,
            @Parameter(description = "必填。每次导入生成一个新值，重试时原样再发") @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return resources.importRows(body.rows(), idempotency.key(idempotencyKey, "POST /lists/resources/import", body));
    }

    @POST
    @Path("/{id}/withdraw")
    @Secured(ListsPermissions.RESOURCE_WRITE)
    @Operation(summary = "撤回资源（登记人或辖区工作人员）：不再承接认领与匹配")
    public Resource withdraw(@PathParam("id") String id) {
        return resources.withdraw(id);
    }
}
