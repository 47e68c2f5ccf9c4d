package org.redgrid.points.boundary;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import org.redgrid.kernel.http.Created;
import org.redgrid.kernel.security.Secured;
import org.redgrid.points.control.PointsPermissions;
import org.redgrid.points.control.Supermarket;
import org.redgrid.points.entity.Good;
import org.redgrid.points.entity.Redemption;
import org.redgrid.points.entity.Store;

/** Points supermarkets, their goods, and the counter (积分超市). */
@Path("/points")
@Tag(name = "积分超市 Supermarket")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StoresResource {

    @Inject
    Supermarket supermarket;

    @Inject
    Idempotency idempotency;

    @POST
    @Path("/stores")
    @Secured(PointsPermissions.STORES_WRITE)
    @Operation(summary = "开设积分超市")
    @APIResponseSchema(value = Store.class, responseCode = "201", responseDescription = "已创建")
    public RestResponse<Store> open(@Valid @NotNull Supermarket.NewStore store, @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        Store opened = supermarket.open(store, idempotency.key(idempotencyKey, "POST /points/stores", store));
        return Created.at("/points/stores/" + opened.id(), opened);
    }

    @GET
    @Path("/stores/{id}/goods")
    @Secured(PointsPermissions.LEDGER_READ)
    @Operation(summary = "超市商品与库存")
    public List<Good> goods(@PathParam("id") String id) {
        return supermarket.goods(id);
    }

    @POST
    @Path("/stores/{id}/goods")
    @Secured(PointsPermissions.STORES_WRITE)
    @Operation(summary = "上架商品")
    @APIResponseSchema(value = Good.class, responseCode = "201", responseDescription = "已创建")
    public RestResponse<Good> addGood(@PathParam("id") String id, @Valid @NotNull Supermarket.NewGood good,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        Good added = supermarket.addGood(id, good, idempotency.key(idempotencyKey, "POST /points/stores/" + id + "/goods", good));
        return Created.at("/points/stores/" + id + "/goods/" + added.id(), added);
    }

    @POST
    @Path("/stores/{id}/goods/{goodId}/restock")
    @Secured(PointsPermissions.STORES_WRITE)
    @Operation(summary = "补货")
    public Good restock(@PathParam("id") String id, @PathParam("goodId") String goodId, @Valid @NotNull Supermarket.Restock restock,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return supermarket.restock(id, goodId, restock,
                idempotency.key(idempotencyKey, "POST /points/stores/" + id + "/goods/" + goodId + "/restock", restock));
    }

    @POST
    @Path("/redemptions")
    @Secured(PointsPermissions.COUNTER_WRITE)
    @Operation(summary = "柜台兑换：扣户积分、记超市收入、减库存，一次完成")
    @APIResponseSchema(value = Redemption.class, responseCode = "201", responseDescription = "已创建")
    public RestResponse<Redemption> redeem(@Valid @NotNull Supermarket.NewRedemption redemption,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        Redemption done = supermarket.redeem(redemption, idempotency.key(idempotencyKey, "POST /points/redemptions", redemption));
        return Created.at("/points/redemptions/" + done.id(), done);
    }

    @POST
    @Path("/redemptions/{id}/cancel")
    @Secured(PointsPermissions.COUNTER_WRITE)
    @Operation(summary = "撤销兑换（时限内；冲正并退回库存）")
    public Redemption cancel(@PathParam("id") String id) {
        return supermarket.cancel(id);
    }
}
