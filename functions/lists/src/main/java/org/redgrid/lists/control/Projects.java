package org.redgrid.lists.control;

import static org.redgrid.kernel.dynamo.Attr.s;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.redgrid.kernel.dynamo.Attr;
import org.redgrid.kernel.dynamo.Idempotency;
import org.redgrid.kernel.dynamo.SingleTable;
import org.redgrid.kernel.dynamo.Transaction;
import org.redgrid.kernel.events.DomainEvent;
import org.redgrid.kernel.events.Outbox;
import org.redgrid.kernel.grid.GridPort;
import org.redgrid.kernel.paging.Page;
import org.redgrid.kernel.problem.FieldError;
import org.redgrid.kernel.problem.ProblemException;
import org.redgrid.kernel.security.Guard;
import org.redgrid.kernel.time.Ids;
import org.redgrid.lists.entity.Demand;
import org.redgrid.lists.entity.Keys;
import org.redgrid.lists.entity.Project;
import org.redgrid.lists.entity.ProjectStatus;
import org.redgrid.lists.entity.Resource;
import org.redgrid.lists.entity.ResourceStatus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The project list (项目清单): a community admin bundles demands and resources into a project under an owner unit;
 * published projects are picked by partner units with their resources; a project runs, completes with its
 * participants' hours — writing {@value #PROJECT_COMPLETED} to the outbox in the same transaction (check-in service
 * records and points follow from it) — and is evaluated.
 */
@ApplicationScoped
public class Projects {

    public static final String PROJECT_COMPLETED = "lists.ProjectCompleted";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Beneficiaries beneficiaries;

    @Inject
    ListsStore store;

    @Inject
    ListsGrid grid;

    @Inject
    Guard guard;

    @Inject
    Months months;

    @Inject
    Idempotency idempotency;

    @Inject
    ProjectPhotos outcomePhotos;

    public Project create(NewProject p, Idempotency.Key key) {
        List<FieldError> errors = new ArrayList<>();
        schedule(errors, p.category(), p.startDate(), p.endDate());
        GridPort.Place community = null;
        try {
            community = grid.named("communityCode", p.communityCode(), Set.of(ListsGrid.COMMUNITY), "项目须属于社区");
        } catch (ProblemException e) {
            errors.addAll(e.errors());
        }
        List<String> demandIds = distinct(p.demandIds());
        List<String> resourceIds = distinct(p.resourceIds());
        bundled(errors, community == null ? null : community.path(), demandIds, resourceIds);
        Checks.raise(errors);
        guard.require(ListsPermissions.PROJECT_WRITE, community.path());
        GridPort.Place at = community;
        return idempotency.once(store.table(), key, tx -> {
            Instant now = months.now();
            Project created = new Project(Ids.newId(now), p.title().strip(), Checks.text(p.description()), p.category(),
                    at.code(), at.path(), p.ownerUnit().strip(), Checks.text(p.theme()), p.startDate(), p.endDate(), p.budget(),
                    demandIds, resourceIds, p.published(), List.of(), ProjectStatus.PLANNED, List.of(), List.of(), List.of(), null, null,
                    null, null, guard.caller().username(), now.toString(), 1);
            store.table().putNew(tx, created.toItem(), () -> ProblemException.conflict("PROJECT_EXISTS", "项目编号冲突，请重试"));
            return created;
        }, Project::id, this::load);
    }

    /** Projects under a node in a status; {@code published}: only those open for picking (published, planned). */
    public Page<Project> list(String under, ProjectStatus status, boolean published, int limit, String cursor) {
        if (published && status != ProjectStatus.PLANNED) {
            throw ProblemException.invalidField("published", "PUBLISHED_PLANNED_ONLY", "只有计划中的项目可按发布筛选");
        }
        GridPort.Place place = grid.node(under);
        guard.require(ListsPermissions.PROJECT_READ, place.path());
        String root = Keys.root(place.path());
        return (published ? store.byParentUnder(Keys.publishedProjects(root), place.path(), limit, cursor)
                : store.table().underPath(Keys.projects(status, root), place.path(), limit, cursor)).map(Project::fromItem);
    }

    /** The projects the calling partner unit picked, oldest pick first (one line per project and resource). */
    public Page<Project> pickedByMe(int limit, String cursor) {
        return store.follow(store.table().byParent(Keys.picksOf(guard.caller().username()), limit, cursor),
                pick -> SingleTable.key(Keys.project(Attr.str(pick, "projectId")), Keys.PROJECT_SK), Project::fromItem);
    }

    /**
     * Edits a planned project (修改项目) as of the version its editor read: the plan's checks as when it was planned;
     * the index keys follow the start date and the published flag; a pick whose resource is taken off is dropped with
     * its pointer. 409 {@code PROJECT_STATE} once started, {@code PROJECT_CHANGED} if it changed since it was read.
     */
    public Project edit(String id, ProjectChanges c) {
        Project p = managed(id);
        String category = or(c.category(), p.category());
        String startDate = or(c.startDate(), p.startDate());
        String endDate = or(c.endDate(), p.endDate());
        List<String> demandIds = c.demandIds() == null ? p.demandIds() : distinct(c.demandIds());
        List<String> resourceIds = c.resourceIds() == null ? p.resourceIds() : distinct(c.resourceIds());
        List<FieldError> errors = new ArrayList<>();
        schedule(errors, category, startDate, endDate);
        bundled(errors, p.communityPath(), c.demandIds() == null ? List.of() : demandIds,
                c.resourceIds() == null ? List.of() : resourceIds);
        Checks.raise(errors);
        if (p.status() != ProjectStatus.PLANNED) {
            throw stateRefusal(ProjectStatus.PLANNED);
        }
        if (c.version() != p.version()) {
            throw changed();
        }
        List<Project.Pick> kept = p.picks().stream().filter(k -> resourceIds.contains(k.resourceId())).toList();
        Project edited = new Project(p.id(), c.title() == null ? p.title() : c.title().strip(),
                c.description() == null ? p.description() : Checks.text(c.description()), category, p.communityCode(),
                p.communityPath(), c.ownerUnit() == null ? p.ownerUnit() : c.ownerUnit().strip(),
                c.theme() == null ? p.theme() : Checks.text(c.theme()), startDate, endDate,
                c.budget() == null ? p.budget() : c.budget(), demandIds, resourceIds,
                c.published() == null ? p.published() : c.published(), kept, ProjectStatus.PLANNED, List.of(), List.of(),
                List.of(), null, null, null, null, p.createdBy(), p.createdAt(), p.version() + 1);
        Transaction tx = new Transaction();
        tx.put(Put.builder().tableName(store.table().name()).item(edited.toItem())
                .conditionExpression("version = :seen AND #status = :planned")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":seen", Attr.n(p.version()), ":planned", s(ProjectStatus.PLANNED.name())))
                .build(), Projects::changed);
        p.picks().stream().filter(k -> !kept.contains(k)).forEach(k -> store.table().delete(tx,
                SingleTable.key(Keys.project(id), Keys.pick(k.resourceId())), d -> { }, Projects::changed));
        store.table().commit(tx);
        return edited;
    }

    public Project get(String id) {
        Project p = load(id);
        guard.require(ListsPermissions.PROJECT_READ, p.communityPath());
        return p;
    }

    /** A partner unit picks a published, planned project of its community with one of its active resources (认领项目). */
    public Project pick(String id, Resource resource) {
        Project p = load(id);
        guard.require(ListsPermissions.PROJECT_PICK, p.communityPath());
        if (!resource.owner().equals(guard.caller().username())) {
            throw Resources.notYours();
        }
        if (!p.published() || p.status() != ProjectStatus.PLANNED) {
            throw notOpen();
        }
        if (resource.status() != ResourceStatus.ACTIVE) {
            throw Claims.notActive();
        }
        if (p.resourceIds().contains(resource.id())) {
            return p;
        }
        Project.Pick pick = new Project.Pick(resource.id(), resource.name(), resource.owner(), months.now().toString());
        Transaction tx = new Transaction();
        store.table().update(tx, SingleTable.key(Keys.project(id), Keys.PROJECT_SK), u -> u
                .updateExpression("SET resourceIds = list_append(resourceIds, :r), "
                        + "picks = list_append(if_not_exists(picks, :none), :pick) ADD version :one")
                .conditionExpression("#status = :planned AND published = :yes AND size(resourceIds) < :max")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":r", AttributeValue.fromL(List.of(s(resource.id()))), ":one", Attr.n(1),
                        ":pick", Project.picksValue(List.of(pick)), ":none", AttributeValue.fromL(List.of()),
                        ":planned", s(ProjectStatus.PLANNED.name()), ":yes", AttributeValue.fromBool(true), ":max", Attr.n(50))),
                Projects::notOpen);
        store.table().put(tx, pick.pointer(id));
        store.table().commit(tx);
        return load(id);
    }

    public Project start(String id) {
        Project p = managed(id);
        return move(p, ProjectStatus.PLANNED, ProjectStatus.IN_PROGRESS, u -> u.updateExpression("SET #status = :to, "
                + "gsi2pk = :gsi2pk, gsi2sk = :gsi2sk REMOVE gsi1pk, gsi1sk ADD version :one"), Map.of(), null);
    }

    /** Calls off a planned project (取消), with the reason; it leaves the lists of planned and of open projects. */
    public Project cancel(String id, String reason) {
        Project p = managed(id);
        Project.Cancellation c = new Project.Cancellation(reason.strip(), guard.caller().username(), months.now().toString());
        return move(p, ProjectStatus.PLANNED, ProjectStatus.CANCELLED, u -> u.updateExpression("SET #status = :to, "
                + "cancellation = :cancellation, gsi2pk = :gsi2pk, gsi2sk = :gsi2sk REMOVE gsi1pk, gsi1sk ADD version :one"),
                Map.of(":cancellation", c.value()), null);
    }

    /** Completes a project with its participants; {@value #PROJECT_COMPLETED} is written in the same transaction. */
    public Project complete(String id, Completion c) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < c.participants().size(); i++) {
            BigDecimal hours = c.participants().get(i).hours();
            if (hours.multiply(BigDecimal.valueOf(2)).stripTrailingZeros().scale() > 0) {
                errors.add(new FieldError("participants[" + i + "].hours", "HALF_HOURS", "服务时长以 0.5 小时为单位"));
            }
        }
        Checks.raise(errors);
        Project p = managed(id);
        beneficiaries.check(errors, "beneficiaryHouseholdIds", c.beneficiaryHouseholdIds(), p.communityCode());
        Checks.raise(errors);
        Instant now = months.now();
        Map<String, Project.Participant> byLogin = new LinkedHashMap<>();
        c.participants().forEach(x -> byLogin.merge(x.login().strip(), new Project.Participant(x.login().strip(), x.hours()),
                (a, b) -> new Project.Participant(a.login(), a.hours().add(b.hours()))));
        List<Project.Participant> participants = List.copyOf(byLogin.values());
        List<String> households = c.beneficiaryHouseholdIds() == null ? List.of()
                : c.beneficiaryHouseholdIds().stream().map(String::strip).distinct().sorted().toList();
        List<String> photos = outcomePhotos.keep(p, c.outcomePhotos());
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":participants", Project.participantsValue(participants),
                ":households", AttributeValue.fromL(households.stream().map(Attr::s).toList()),
                ":photos", AttributeValue.fromL(photos.stream().map(Attr::s).toList()), ":at", s(now.toString())));
        String summary = "";
        if (c.summary() != null && !c.summary().isBlank()) {
            values.put(":summary", s(c.summary().strip()));
            summary = ", summary = :summary";
        }
        String set = "SET #status = :to, participants = :participants, beneficiaryHouseholdIds = :households, "
                + "outcomePhotoKeys = :photos, completedAt = :at" + summary + ", gsi2pk = :gsi2pk, gsi2sk = :gsi2sk ADD version :one";
        Map<String, String> data = new LinkedHashMap<>();
        data.put("projectId", p.id());
        data.put("node", p.communityCode());
        data.put("participants", participantsJson(participants));
        data.put("householdIds", String.join(",", households));
        data.put("category", p.category());
        data.put("completedAt", now.toString());
        DomainEvent event = new DomainEvent(Ids.newId(now), PROJECT_COMPLETED, now.toString(), p.communityCode(),
                guard.caller().username(), data);
        Project done = move(p, ProjectStatus.IN_PROGRESS, ProjectStatus.DONE, u -> u.updateExpression(set), values, event);
        outcomePhotos.discardUploads(c.outcomePhotos());
        return done;
    }

    public Project evaluate(String id, int rating, String comment) {
        Project p = managed(id);
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":rating", Attr.n(rating), ":by", s(guard.caller().username()),
                ":at", s(months.now().toString())));
        String remark = "";
        if (comment != null && !comment.isBlank()) {
            values.put(":comment", s(comment.strip()));
            remark = ", #comment = :comment";
        }
        String set = "SET #status = :to, rating = :rating, evaluatedBy = :by, evaluatedAt = :at" + remark
                + ", gsi2pk = :gsi2pk, gsi2sk = :gsi2sk ADD version :one";
        return move(p, ProjectStatus.DONE, ProjectStatus.EVALUATED, u -> u.updateExpression(set), values, null);
    }

    public Project load(String id) {
        return Project.fromItem(store.existing(Keys.project(id), Keys.PROJECT_SK, "PROJECT_NOT_FOUND", "项目不存在"));
    }

    /** The project, for a caller who manages projects of its community. */
    private Project managed(String id) {
        Project p = load(id);
        guard.require(ListsPermissions.PROJECT_WRITE, p.communityPath());
        return p;
    }

    private Project move(Project p, ProjectStatus from, ProjectStatus to, Consumer<Update.Builder> set,
            Map<String, AttributeValue> extra, DomainEvent event) {
        if (p.status() != from) {
            throw stateRefusal(from);
        }
        Map<String, AttributeValue> values = new HashMap<>(extra);
        values.put(":from", s(from.name()));
        values.put(":to", s(to.name()));
        values.put(":one", Attr.n(1));
        p.indexKeys(to).forEach((k, v) -> values.put(":" + k, v));
        Map<String, String> names = new HashMap<>(Map.of("#status", "status"));
        if (values.containsKey(":comment")) {
            names.put("#comment", "comment");
        }
        Transaction tx = new Transaction();
        store.table().update(tx, SingleTable.key(Keys.project(p.id()), Keys.PROJECT_SK), u -> {
            set.accept(u);
            u.conditionExpression("#status = :from").expressionAttributeNames(names).expressionAttributeValues(values);
        }, () -> stateRefusal(from));
        if (event != null) {
            Outbox.add(store.table(), tx, event);
        }
        store.table().commit(tx);
        return load(p.id());
    }

    /** The plan's category and schedule (dates that exist, the end not before the start). */
    private static void schedule(List<FieldError> errors, String category, String startDate, String endDate) {
        Checks.category(errors, "category", category);
        LocalDate start = date(errors, "startDate", startDate);
        LocalDate end = date(errors, "endDate", endDate);
        if (start != null && end != null && end.isBefore(start)) {
            errors.add(new FieldError("endDate", "DATE_ORDER", "结束日期不能早于开始日期"));
        }
    }

    /**
     * The bundled demands and resources exist; with the community known, the demands lie in it and the resources
     * serve it (cover it, an area above it, or a grid of it).
     */
    private void bundled(List<FieldError> errors, String communityPath, List<String> demandIds, List<String> resourceIds) {
        Map<String, Demand> demands = new HashMap<>();
        store.table().getAll(demandIds.stream().map(id -> SingleTable.key(Keys.demand(id), Keys.DEMAND_SK)).toList())
                .forEach(item -> demands.put(Attr.str(item, "id"), Demand.fromItem(item)));
        Map<String, Resource> resources = new HashMap<>();
        store.table().getAll(resourceIds.stream().map(id -> SingleTable.key(Keys.resource(id), Keys.RESOURCE_SK)).toList())
                .forEach(item -> resources.put(Attr.str(item, "id"), Resource.fromItem(item)));
        for (int i = 0; i < demandIds.size(); i++) {
            Demand d = demands.get(demandIds.get(i));
            if (d == null) {
                errors.add(notFound("demandIds", i, demandIds.get(i)));
            } else if (communityPath != null && !d.gridPath().startsWith(communityPath)) {
                errors.add(new FieldError("demandIds[" + i + "]", "OTHER_COMMUNITY", "需求 " + d.id() + " 不属于本社区"));
            }
        }
        for (int i = 0; i < resourceIds.size(); i++) {
            Resource r = resources.get(resourceIds.get(i));
            if (r == null) {
                errors.add(notFound("resourceIds", i, resourceIds.get(i)));
            } else if (communityPath != null && r.coverPaths().stream()
                    .noneMatch(cover -> communityPath.startsWith(cover) || cover.startsWith(communityPath))) {
                errors.add(new FieldError("resourceIds[" + i + "]", "NOT_COVERING", "资源 " + r.id() + " 不服务本社区"));
            }
        }
    }

    private static FieldError notFound(String field, int i, String id) {
        return new FieldError(field + "[" + i + "]", "NOT_FOUND", "编号 " + id + " 不存在");
    }

    private static List<String> distinct(List<String> ids) {
        return ids == null ? List.of() : ids.stream().map(String::strip).distinct().toList();
    }

    private static String or(String given, String current) {
        return given == null ? current : given;
    }

    private static LocalDate date(List<FieldError> errors, String field, String text) {
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeException e) {
            errors.add(new FieldError(field, "INVALID_DATE", "日期不存在"));
            return null;
        }
    }

    /** [{"login":"m1","hours":"2.5"}]: the event's data are strings, the hours decimal text. */
    static String participantsJson(List<Project.Participant> participants) {
        try {
            return JSON.writeValueAsString(participants.stream().map(x -> {
                Map<String, String> one = new LinkedHashMap<>();
                one.put("login", x.login());
                one.put("hours", x.hours().stripTrailingZeros().toPlainString());
                return one;
            }).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }


    private static ProblemException changed() {
        return ProblemException.conflict("PROJECT_CHANGED", "项目已被他人修改或认领，请刷新后重试");
    }

    static ProblemException notOpen() {
        return ProblemException.conflict("PROJECT_NOT_OPEN", "项目未发布或已开始，不能认领");
    }

    private static ProblemException stateRefusal(ProjectStatus required) {
        return ProblemException.conflict("PROJECT_STATE", "项目须处于「" + switch (required) {
            case PLANNED -> "计划中";
            case IN_PROGRESS -> "实施中";
            case DONE -> "已完成";
            case EVALUATED -> "已评价";
            case CANCELLED -> "已取消";
        } + "」状态才能执行此操作");
    }
}
