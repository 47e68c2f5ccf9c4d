package org.redgrid.directory.boundary;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.redgrid.directory.control.NewPerson;
import org.redgrid.directory.control.NodeNames;
import org.redgrid.directory.control.People;
import org.redgrid.directory.control.PersonChanges;
import org.redgrid.directory.control.PersonFile;
import org.redgrid.directory.entity.PositionType;
import org.redgrid.kernel.text.DisplayText;
import org.redgrid.kernel.audit.AuditEntry;
import org.redgrid.kernel.dynamo.Idempotency;
import org.redgrid.kernel.http.Created;
import org.redgrid.kernel.paging.Page;
import org.redgrid.kernel.paging.PageRequest;
import org.redgrid.directory.control.DirectoryPermissions;
import org.redgrid.kernel.security.Secured;

/** People (人员), their posts (岗位), the audit of unmasked reads, and a resident's own record. */
@Path("/directory")
@Tag(name = "人员 People")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PeopleResource {

    @Inject
    People people;

    @Inject
    Idempotency idempotency;

    @Inject
    NodeNames names;

    @POST
    @Path("/people")
    @Secured(DirectoryPermissions.PEOPLE_WRITE)
    @Operation(summary = "登记人员")
    @APIResponseSchema(value = PersonView.class, responseCode = "201", responseDescription = "已创建")
    public RestResponse<PersonView> register(@Valid @NotNull NewPerson person, @Parameter(description = "每次提交生成一个新值（如 UUID），重试时原样再发：同一键只登记一次，重复请求返回首次结果") @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        PersonView view = view(people.register(person, idempotency.key(idempotencyKey, "POST /directory/people", person)));
        return Created.at("/directory/people/" + view.id(), view);
    }

    @GET
    @Path("/people")
    @Secured(DirectoryPermissions.PEOPLE_READ)
    @Operation(summary = "人员列表：居住在某节点之下，或在其下担任某岗位")
    public Page<PersonLine> list(@QueryParam("under") @NotBlank(message = "请指定节点") String under,
            @QueryParam("position") PositionType position, @Valid @BeanParam PageRequest page) {
        return people.list(under, position, page.limit, page.cursor).map(PersonLine::of);
    }

    @GET
    @Path("/people/{id}")
    @Secured(DirectoryPermissions.PEOPLE_READ)
    @Operation(summary = "查看人员；reveal=phone,idNumber 加 reason 查看完整信息（留痕）")
    public PersonView get(@PathParam("id") String id, @QueryParam("reveal") List<String> reveal,
            @QueryParam("reason") @DisplayText String reason) {
        return view(people.read(id, reveal, reason));
    }

    @PATCH
    @Path("/people/{id}")
    @Secured(DirectoryPermissions.PEOPLE_WRITE)
    @Operation(summary = "修改人员信息")
    public PersonView update(@PathParam("id") String id, @Valid @NotNull PersonChanges changes) {
        return view(people.update(id, changes));
    }

    @PUT
    @Path("/people/{id}/positions/{nodeCode}/{position}")
    @Secured(DirectoryPermissions.PEOPLE_WRITE)
    @Operation(summary = "设置岗位（幂等）")
    public PersonView assign(@PathParam("id") String id, @PathParam("nodeCode") String nodeCode,
            @PathParam("position") PositionType position) {
        return view(people.assign(id, nodeCode, position));
    }

    @DELETE
    @Path("/people/{id}/positions/{nodeCode}/{position}")
    @Secured(DirectoryPermissions.PEOPLE_WRITE)
    @Operation(summary = "撤销岗位")
    public PersonView unassign(@PathParam("id") String id, @PathParam("nodeCode") String nodeCode,
            @PathParam("position") PositionType position) {
        return view(people.unassign(id, nodeCode, position));
    }

    @GET
    @Path("/people/{id}/audit")
    @Secured(DirectoryPermissions.AUDIT_READ)
    @Operation(summary = "该人员个人信息的查阅记录")
    public Page<AuditEntry> audit(@PathParam("id") String id, @Valid @BeanParam PageRequest page) {
        return people.auditTrail(id, page.limit, page.cursor);
    }

    @GET
    @Path("/me")
    @Secured(DirectoryPermissions.SELF_READ)
    @Operation(summary = "居民查看本人信息")
    public PersonView me() {
        return view(people.me());
    }

    private PersonView view(PersonFile file) {
        return PersonView.of(file, names.of(file.paths(), List.of()));
    }
}
