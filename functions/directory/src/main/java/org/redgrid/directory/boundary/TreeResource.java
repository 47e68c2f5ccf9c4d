package org.redgrid.directory.boundary;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.redgrid.directory.control.ActivityFeed;
import org.redgrid.directory.control.GridTree;
import org.redgrid.directory.control.NewNode;
import org.redgrid.directory.control.NodeChanges;
import org.redgrid.directory.entity.NodeLevel;
import org.redgrid.kernel.dynamo.Idempotency;
import org.redgrid.kernel.http.Created;
import org.redgrid.kernel.paging.Page;
import org.redgrid.kernel.paging.PageRequest;
import org.redgrid.directory.control.DirectoryPermissions;
import org.redgrid.kernel.security.Secured;

/** The grid tree (网格树): nodes, their children, subtree and path, and locating a point. */
@Path("/directory")
@Tag(name = "网格树 Grid tree")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TreeResource {

    @Inject
    GridTree tree;

    @Inject
    ActivityFeed activity;

    @Inject
    Idempotency idempotency;

    @POST
    @Path("/nodes")
    @Secured(DirectoryPermissions.TREE_WRITE)
    @Operation(summary = "新建网格节点")
    @APIResponseSchema(value = NodeView.class, responseCode = "201", responseDescription = "已创建")
    public RestResponse<NodeView> create(@Valid @NotNull NewNode node, @Parameter(description = "每次提交生成一个新值（如 UUID），重试时原样再发：同一键只登记一次，重复请求返回首次结果") @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        NodeView view = NodeView.of(tree.create(node, idempotency.key(idempotencyKey, "POST /directory/nodes", node)));
        return Created.at("/directory/nodes/" + view.code(), view);
    }

    @GET
    @Path("/nodes/{code}")
    @Secured(DirectoryPermissions.TREE_READ)
    @Operation(summary = "查看网格节点")
    public NodeView get(@PathParam("code") String code) {
        return NodeView.of(tree.get(code));
    }

    @PATCH
    @Path("/nodes/{code}")
    @Secured(DirectoryPermissions.TREE_WRITE)
    @Operation(summary = "修改网格节点（改名、类别、边界）")
    public NodeView update(@PathParam("code") String code, @Valid @NotNull NodeChanges changes) {
        return NodeView.of(tree.update(code, changes));
    }

    @DELETE
    @Path("/nodes/{code}")
    @Secured(DirectoryPermissions.TREE_WRITE)
    @Operation(summary = "删除未被引用的网格节点（被引用时请停用）")
    public RestResponse<Void> delete(@PathParam("code") String code) {
        tree.delete(code);
        return RestResponse.noContent();
    }

    @POST
    @Path("/nodes/{code}/move")
    @Secured(DirectoryPermissions.TREE_WRITE)
    @Operation(summary = "移动网格节点到新的上级（编码不变；重复请求结果相同）")
    public NodeView move(@PathParam("code") String code, @Valid @NotNull MoveRequest request) {
        return NodeView.of(tree.move(code, request.parentCode()));
    }

    @POST
    @Path("/nodes/{code}/retire")
    @Secured(DirectoryPermissions.TREE_WRITE)
    @Operation(summary = "停用网格节点（重复请求结果相同）")
    public NodeView retire(@PathParam("code") String code) {
        return NodeView.of(tree.retire(code));
    }

    @GET
    @Path("/nodes/{code}/children")
    @Secured(DirectoryPermissions.TREE_READ)
    @Operation(summary = "下级节点")
    public Page<NodeView> children(@PathParam("code") String code, @Valid @BeanParam PageRequest page) {
        return tree.children(code, page.limit, page.cursor).map(NodeView::of);
    }

    @GET
    @Path("/nodes/{code}/subtree")
    @Secured(DirectoryPermissions.TREE_READ)
    @Operation(summary = "整棵子树（可按层级筛选）")
    public Page<NodeView> subtree(@PathParam("code") String code, @QueryParam("level") NodeLevel level,
            @Valid @BeanParam PageRequest page) {
        return tree.subtree(code, level, page.limit, page.cursor).map(NodeView::of);
    }

    @GET
    @Path("/nodes/{code}/path")
    @Secured(DirectoryPermissions.TREE_READ)
    @Operation(summary = "从根到该节点的路径")
    public List<NodeView> path(@PathParam("code") String code) {
        return NodeView.of(tree.pathToRoot(code));
    }

    @GET
    @Path("/nodes/{code}/activity")
    @Secured(DirectoryPermissions.PEOPLE_READ)
    @Operation(summary = "网格动态：人员迁入迁出、节点调整（最新在前）")
    public Page<ActivityView> activity(@PathParam("code") String code, @Valid @BeanParam PageRequest page) {
        return activity.of(code, page.limit, page.cursor).map(ActivityView::of);
    }

    @GET
    @Path("/locate")
    @Secured(DirectoryPermissions.TREE_READ)
    @Operation(summary = "查询坐标所在的网格/楼栋（由深到浅）")
    public List<NodeView> locate(
            @QueryParam("lon") @NotNull(message = "请提供经度") @DecimalMin(value = "-180", message = "经度超出范围") @DecimalMax(value = "180", message = "经度超出范围") Double lon,
            @QueryParam("lat") @NotNull(message = "请提供纬度") @DecimalMin(value = "-90", message = "纬度超出范围") @DecimalMax(value = "90", message = "纬度超出范围") Double lat) {
        return NodeView.of(tree.locate(lon, lat));
    }

    @GET
    @Path("/scope")
    @Secured(DirectoryPermissions.TREE_READ)
    @Operation(summary = "当前用户管辖的节点")
    public List<NodeView> scope() {
        return NodeView.of(tree.scope());
    }
}
