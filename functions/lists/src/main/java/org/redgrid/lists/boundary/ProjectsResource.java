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
import org.redgrid.kernel.photo.Upload;
import org.redgrid.kernel.security.Secured;
import org.redgrid.lists.control.Completion;
import org.redgrid.lists.control.ListsPermissions;
import org.redgrid.lists.control.NewProject;
import org.redgrid.lists.control.ProjectPhotos;
import org.redgrid.lists.control.ProjectChanges;
import org.redgrid.lists.control.Projects;
import org.redgrid.lists.control.Resources;
import org.redgrid.lists.entity.Project;
import org.redgrid.lists.entity.ProjectStatus;

/** The project list (项目清单): plan, publish for partner units to pick, run, complete, evaluate. */
@Path("/lists/projects")
@Tag(name = "项目清单 Projects")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProjectsResource {

    @Inject
    Projects projects;

    @Inject
    Resources resources;

    @Inject
    Idempotency idempotency;

    @Inject
    ProjectPhotos outcomePhotos;

    @POST
    @Secured(ListsPermissions.PROJECT_WRITE)
    @Operation(summary = "立项：把需求与资源打包为社区项目（牵头单位、周期、预算、月度主题），可发布供共建单位认领")
    @APIResponseSchema(value = Project.class, responseCode = "201", responseDescription = "已创建")
    public RestResponse<Project> create(@Valid @NotNull NewProject project,
            @Parameter(description = "每次提交生成一个新值，重试时原样再发：同一键只立项一次") @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        Project created = projects.create(project, idempotency.key(idempotencyKey, "POST /lists/projects", project));
        return Created.at("/lists/projects/" + created.id(), created);
    }

    @GET
    @Secured(ListsPermissions.PROJECT_READ)
    @Operation(summary = "项目清单：某节点之下某状态的项目，按社区与开始日期排序；published=true 只列可认领（已发布、计划中）的项目")
    public Page<Project> list(@QueryParam("under") @NotBlank(message = "请指定节点") String under,
            @QueryParam("status") @DefaultValue("PLANNED") ProjectStatus status,
            @QueryParam("published") @DefaultValue("false") boolean published, @Valid @BeanParam PageRequest page) {
        return projects.list(under, status, published, page.limit, page.cursor);
    }

    @GET
    @Path("/mine")
    @Secured(ListsPermissions.PROJECT_PICK)
    @Operation(summary = "我的项目：本单位认领的项目（每次认领一行，先认领的在前）")
    public Page<Project> mine(@Valid @BeanParam PageRequest page) {
        return projects.pickedByMe(page.limit, page.cursor);
    }

    @GET
    @Path("/{id}")
    @Secured(ListsPermissions.PROJECT_READ)
    @Operation(summary = "项目详情，含成果照片的预签名查看地址（15 分钟有效）")
    public ProjectPhotos.WithPhotos get(@PathParam("id") String id) {
        return outcomePhotos.view(projects.get(id));
    }

    @PATCH
    @Path("/{id}")
    @Secured(ListsPermissions.PROJECT_WRITE)
    @Operation(summary = "修改计划中的项目（名称、描述、牵头单位、周期、预算、主题、需求与资源、是否发布）；须带读取时的版本号")
    public Project edit(@PathParam("id") String id, @Valid @NotNull ProjectChanges changes) {
        return projects.edit(id, changes);
    }

    @POST
    @Path("/{id}/pick")
    @Secured(ListsPermissions.PROJECT_PICK)
    @Operation(summary = "共建单位以本单位资源认领已发布的计划中项目")
    public Project pick(@PathParam("id") String id, @Valid @NotNull Requests.ResourceChoice choice) {
        return projects.pick(id, resources.load(choice.resourceId()));
    }

    @POST
    @Path("/{id}/start")
    @Secured(ListsPermissions.PROJECT_WRITE)
    @Operation(summary = "项目开始实施")
    public Project start(@PathParam("id") String id) {
        return projects.start(id);
    }

    @POST
    @Path("/{id}/photos")
    @Secured(ListsPermissions.PROJECT_WRITE)
    @Operation(summary = "申请上传一张项目成果照片：返回预签名 PUT 地址（JPEG/PNG/WebP，最大 5 MB，类型与大小已签入）；不改变任何数据，可放心重试")
    @APIResponseSchema(value = Upload.class, responseCode = "201", responseDescription = "已创建")
    public RestResponse<Upload> presignPhoto(@PathParam("id") String id, @Valid @NotNull ProjectPhotos.NewPhoto photo,
            @Parameter(description = "可选；本操作不改变数据，重试得到新的上传地址") @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return RestResponse.ResponseBuilder.<Upload> create(RestResponse.Status.CREATED).entity(outcomePhotos.presign(id, photo)).build();
    }

    @POST
    @Path("/{id}/cancel")
    @Secured(ListsPermissions.PROJECT_WRITE)
    @Operation(summary = "取消计划中的项目（须说明原因）；已认领的单位在「我的项目」中看到已取消")
    public Project cancel(@PathParam("id") String id, @Valid @NotNull Requests.Cancel cancel) {
        return projects.cancel(id, cancel.reason());
    }

    @POST
    @Path("/{id}/complete")
    @Secured(ListsPermissions.PROJECT_WRITE)
    @Operation(summary = "项目结项：参与人及时长、受益户、成果照片（已上传照片的键，去除定位后保存）；同一事务发出 lists.ProjectCompleted 事件")
    public Project complete(@PathParam("id") String id, @Valid @NotNull Completion completion) {
        return projects.complete(id, completion);
    }

    @POST
    @Path("/{id}/evaluate")
    @Secured(ListsPermissions.PROJECT_WRITE)
    @Operation(summary = "评价已完成的项目")
    public Project evaluate(@PathParam("id") String id, @Valid @NotNull Requests.Rating rating) {
        return projects.evaluate(id, rating.rating(), rating.comment());
    }
}
