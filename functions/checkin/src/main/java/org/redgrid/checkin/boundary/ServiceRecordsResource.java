package org.redgrid.checkin.boundary;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Pattern;
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
import org.redgrid.checkin.control.CheckinPermissions;
import org.redgrid.checkin.control.NewPhoto;
import org.redgrid.checkin.control.NewServiceRecord;
import org.redgrid.checkin.control.Photos;
import org.redgrid.checkin.control.ServiceRecords;
import org.redgrid.checkin.entity.ServiceRecord;
import org.redgrid.kernel.dynamo.Idempotency;
import org.redgrid.kernel.http.Created;
import org.redgrid.kernel.paging.Page;
import org.redgrid.kernel.paging.PageRequest;
import org.redgrid.kernel.photo.Upload;
import org.redgrid.kernel.security.Secured;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Service records (服务纪实): logged by members, verified by grid leaders, published per grid and quarter. */
@Path("/checkin")
@Tag(name = "服务纪实 Service records")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ServiceRecordsResource {

    /**
     * A member's verified service in one month or year (服务时长统计), and the ratings beneficiaries gave (评分合计与次数).
     */
    @Schema(name = "ServiceTotals")
    public record Totals(String period, long minutes, long records, long ratingSum, long ratingCount) {
    }

    /** A record with presigned URLs of its photos (valid 15 minutes). */
    public record RecordWithPhotos(ServiceRecord record, List<String> photoUrls) {
    }

    /** A beneficiary's confirmation (受益群众确认): an optional rating of 1 to 5 and a comment. */
    @Schema(name = "ServiceConfirmationRequest")
    public record Confirmation(@Min(value = 1, message = "评分为 1–5 分") @Max(value = 5, message = "评分为 1–5 分") Integer rating,
            @Size(max = 200, message = "评价最多 200 个字") String comment) {
    }

    @Inject
    ServiceRecords services;

    @Inject
    Photos photos;

    @Inject
    Idempotency idempotency;

    @POST
    @Path("/services")
    @Secured(CheckinPermissions.SERVICE_WRITE)
    @Operation(summary = "登记本人的服务纪实（待网格长核实）")
    @APIResponseSchema(value = ServiceRecord.class, responseCode = "201", responseDescription = "已创建")
    public RestResponse<ServiceRecord> log(@Valid @NotNull NewServiceRecord record,
            @Parameter(description = "每次提交生成一个新值，重试时原样再发：同一键只登记一次") @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        ServiceRecord created = services.log(record, idempotency.key(idempotencyKey, "POST /checkin/services", record));
        return Created.at("/checkin/grids/" + created.gridCode() + "/ledger?quarter=" + ServiceRecord.quarterOf(created.day()), created);
    }

    @POST
    @Path("/services/{id}/verify")
    @Secured(CheckinPermissions.SERVICE_VERIFY)
    @Operation(summary = "核实服务纪实：计入月度、年度时长并发出 checkin.ServiceVerified 事件；已核实的再核实为 409")
    public ServiceRecord verify(@PathParam("id") String id) {
        return services.verify(id);
    }

    @GET
    @Path("/services/mine")
    @Secured(CheckinPermissions.SELF_READ)
    @Operation(summary = "本人的服务纪实")
    public Page<ServiceRecord> mine(@Valid @BeanParam PageRequest page) {
        return services.mine(page.limit, page.cursor);
    }

    @GET
    @Path("/services/mine/totals")
    @Secured(CheckinPermissions.SELF_READ)
    @Operation(summary = "本人某月（YYYY-MM）或某年（YYYY）已核实的服务时长")
    public Totals myTotals(@QueryParam("period") @NotNull(message = "请指定月份或年份")
            @Pattern(regexp = "\\d{4}(-(0[1-9]|1[0-2]))?", message = "期间格式为 YYYY 或 YYYY-MM") String period) {
        long[] t = services.myTotals(period);
        return new Totals(period, t[0], t[1], t[2], t[3]);
    }

    @GET
    @Path("/grids/{code}/ledger")
    @Secured(CheckinPermissions.SERVICE_READ)
    @Operation(summary = "网格某季度（如 2026Q4）的服务台账")
    public Page<ServiceRecord> ledger(@PathParam("code") String code,
            @QueryParam("quarter") @NotNull(message = "请指定季度") @Pattern(regexp = "\\d{4}Q[1-4]", message = "季度格式为 YYYYQn，如 2026Q4") String quarter,
            @Valid @BeanParam PageRequest page) {
        return services.ledger(code, quarter, page.limit, page.cursor);
    }

    @GET
    @Path("/services/{id}")
    @Secured(Secured.SIGNED_IN)
    @Operation(summary = "一条服务纪实及其照片（限本人、所在网格的工作人员、受益户居民）")
    public RecordWithPhotos one(@PathParam("id") String id) {
        ServiceRecord record = services.one(id);
        return new RecordWithPhotos(record, photos.viewUrls(record.photos()));
    }

    @POST
    @Path("/services/{id}/confirm")
    @Secured(CheckinPermissions.SERVICE_CONFIRM)
    @Operation(summary = "受益户居民确认服务并可评分（1–5）；尚未核实的记录由此计为已核实并发出 checkin.ServiceVerified")
    public ServiceRecord confirm(@PathParam("id") String id, @Valid Confirmation confirmation) {
        return services.confirm(id, confirmation == null ? null : confirmation.rating(),
                confirmation == null ? null : confirmation.comment());
    }

    @GET
    @Path("/services/for-my-household")
    @Secured(CheckinPermissions.SERVICE_CONFIRM)
    @Operation(summary = "为本人所在户提供的服务纪实（待确认与已确认）")
    public Page<ServiceRecord> forMyHousehold(@Valid @BeanParam PageRequest page) {
        return services.forMyHousehold(page.limit, page.cursor);
    }

    @POST
    @Path("/photos")
    @Secured(CheckinPermissions.SERVICE_WRITE)
    @Operation(summary = "申请上传一张服务照片：返回预签名 PUT 地址（JPEG/PNG/WebP，最大 5 MB，类型与大小已签入）；不改变任何数据，可放心重试")
    @APIResponseSchema(value = Upload.class, responseCode = "201", responseDescription = "已创建")
    public RestResponse<Upload> presign(@Valid @NotNull NewPhoto photo,
            @Parameter(description = "可选；本操作不改变数据，重试得到新的上传地址") @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        Upload upload = photos.presign(photo);
        return RestResponse.ResponseBuilder.<Upload> create(RestResponse.Status.CREATED).entity(upload).build();
    }
}
