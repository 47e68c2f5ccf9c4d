package org.redgrid.checkin.boundary;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.redgrid.checkin.control.CheckinPermissions;
import org.redgrid.checkin.control.Publications;
import org.redgrid.checkin.entity.Publication;
import org.redgrid.kernel.dynamo.Idempotency;
import org.redgrid.kernel.http.Created;
import org.redgrid.kernel.security.Secured;

/** Quarterly publication of a grid's service (按季度公示). */
@Path("/checkin/grids/{code}/publications")
@Tag(name = "服务纪实 Service records")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PublicationsResource {

    /** Which quarter to publish. */
    public record NewPublication(@NotNull(message = "请指定季度") @Pattern(regexp = "\\d{4}Q[1-4]", message = "季度格式为 YYYYQn，如 2026Q3") String quarter) {
    }

    @Inject
    Publications publications;

    @Inject
    Idempotency idempotency;

    @POST
    @Secured(CheckinPermissions.PUBLICATION_WRITE)
    @Operation(summary = "公示网格某季度的服务纪实（季度结束后；每人已核实的时长与条数，公示后不再改变）")
    @APIResponseSchema(value = Publication.class, responseCode = "201", responseDescription = "已创建")
    public RestResponse<Publication> publish(@PathParam("code") String code, @Valid @NotNull NewPublication body,
            @Parameter(description = "每次提交生成一个新值，重试时原样再发：答复第一次的公示；同一季度再次公示为 409") @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        Publication published = publications.publish(code, body.quarter(),
                idempotency.key(idempotencyKey, "POST /checkin/grids/" + code + "/publications", body));
        return Created.at("/checkin/grids/" + code + "/publications/" + body.quarter(), published);
    }

    @GET
    @Path("/{quarter}")
    @Secured(CheckinPermissions.BOARD_READ)
    @Operation(summary = "网格某季度的服务纪实公示（所有登录用户可看）")
    public Publication read(@PathParam("code") String code,
            @PathParam("quarter") @Pattern(regexp = "\\d{4}Q[1-4]", message = "季度格式为 YYYYQn，如 2026Q3") String quarter) {
        return publications.read(code, quarter);
    }
}
