package org.redgrid.points.boundary;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.redgrid.kernel.paging.PageRequest;
import org.redgrid.kernel.security.Secured;
import org.redgrid.points.control.Counter;
import org.redgrid.points.control.PointsPermissions;
import org.redgrid.points.control.Supermarket;
import org.redgrid.points.entity.Store;

/** The counter (柜台) and the resident's own points (我的积分). */
@Path("/points")
@Tag(name = "柜台与我的积分 Counter")
@Produces(MediaType.APPLICATION_JSON)
public class CounterResource {

    @Inject
    Counter counter;

    @Inject
    Supermarket supermarket;

    @GET
    @Path("/counter/households")
    @Secured(PointsPermissions.COUNTER_WRITE)
    @Operation(summary = "柜台查户：扫积分码、户号或户名开头（本超市所在社区），附余额与商品")
    public Counter.Lookup lookup(@QueryParam("store") @NotBlank(message = "请指定超市") String store,
            @QueryParam("q") @NotBlank(message = "请扫码或输入户号、户名") @Size(max = 200, message = "查询内容最多 200 个字符") String q) {
        return counter.lookup(store, q);
    }

    @GET
    @Path("/stores")
    @Secured(PointsPermissions.COUNTER_WRITE)
    @Operation(summary = "节点所在社区中本人可服务的积分超市")
    public List<Store> stores(@QueryParam("node") @NotBlank(message = "请指定节点") String node) {
        return supermarket.counterStores(node);
    }

    @GET
    @Path("/me")
    @Secured(PointsPermissions.SELF_READ)
    @Operation(summary = "我家的积分：余额、流水（游标分页）与积分码")
    public Counter.Me me(@Valid @BeanParam PageRequest page) {
        return counter.me(page.limit, page.cursor);
    }

    @GET
    @Path("/me/stores")
    @Secured(PointsPermissions.SELF_READ)
    @Operation(summary = "本社区积分超市与商品")
    public List<Counter.Shelf> myStores() {
        return counter.myStores();
    }
}
