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
import org.redgrid.lists.entity.Keys;
import org.redgrid.lists.entity.Project;
import org.redgrid.lists.entity.ProjectStatus;
import org.redgrid.lists.entity.Resource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
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
        Checks.category(errors, "category", p.category());
        LocalDate start = date(errors, "startDate", p.startDate());
        LocalDate end = date(errors, "endDate", p.endDate());
        if (start != null && end != null && end.isBefore(start)) {
            errors.add(new FieldError("endDate", "DATE_ORDER", "结束日期不能早于开始日期"));
        }
        GridPort.Place community = null;
        try {
            community = grid.named("communityCode", p.communityCode(), Set.of(ListsGrid.COMMUNITY), "项目须属于社区");
        } catch (ProblemException e) {
            errors.addAll(e.errors());
        }
        List<String> demandIds = p.demandIds() == null ? List.of() : p.demandIds().stream().distinct().toList();
        List<String> resourceIds = p.resourceIds() == null ? List.of() : p.resourceIds().stream().distinct().toList();
        missing(errors, "demandIds", demandIds, Keys::demand, Keys.DEMAND_SK);
        missing(errors, "resourceIds", resourceIds, Keys::resource, Keys.RESOURCE_SK);
        Checks.raise(errors);
        guard.require(ListsPermissions.PROJECT_WRITE, community.path());
        GridPort.Place at = community;
        return idempotency.once(store.table(), key, tx -> {
            Instant now = months.now();
            Project created = new Project(Ids.newId(now), p.title().strip(), Checks.text(p.description()), p.category(),
                    at.code(), at.path(), p.ownerUnit().strip(), Checks.text(p.theme()), p.startDate(), p.endDate(), p.budget(),
                    demandIds, resourceIds, p.published(), ProjectStatus.PLANNED, List.of(), List.of(), List.of(), null, null,
                    null, guard.caller().username(), now.toString(), 1);
            store.table().putNew(tx, created.toItem(), () -> ProblemException.conflict("PROJECT_EXISTS", "项目编号冲突，请重试"));
            return created;
        }, Project::id, this::load);
    }

    public Page<Project> list(String under, ProjectStatus status, int limit, String cursor) {
        GridPort.Place place = grid.node(under);
        guard.require(ListsPermissions.PROJECT_READ, place.path());
        return store.table().underPath(Keys.projects(status, Keys.root(place.path())), place.path(), limit, cursor)
                .map(Project::fromItem);
    }

    public Project get(String id) {
        Project p = load(id);
        guard.require(ListsPermissions.PROJECT_READ, p.communityPath());
        return p;
    }

    /** A partner unit picks a published, planned project of its community with one of its resources (认领项目). */
    public Project pick(String id, Resource resource) {
        Project p = load(id);
        guard.require(ListsPermissions.PROJECT_PICK, p.communityPath());
        if (!resource.owner().equals(guard.caller().username())) {
            throw Resources.notYours();
        }
        if (!p.published() || p.status() != ProjectStatus.PLANNED) {
            throw notOpen();
        }
        if (p.resourceIds().contains(resource.id())) {
            return p;
        }
        Transaction tx = new Transaction();
        store.table().update(tx, SingleTable.key(Keys.project(id), Keys.PROJECT_SK), u -> u
                .updateExpression("SET resourceIds = list_append(resourceIds, :r) ADD version :one")
                .conditionExpression("#status = :planned AND published = :yes AND size(resourceIds) < :max")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":r", AttributeValue.fromL(List.of(s(resource.id()))), ":one", Attr.n(1),
                        ":planned", s(ProjectStatus.PLANNED.name()), ":yes", AttributeValue.fromBool(true), ":max", Attr.n(50))),
                Projects::notOpen);
        store.table().commit(tx);
        return load(id);
    }

    public Project start(String id) {
        Project p = managed(id);
        return move(p, ProjectStatus.PLANNED, ProjectStatus.IN_PROGRESS, u -> u.updateExpression("SET #status = :to, "
                + "gsi2pk = :gsi2pk, gsi2sk = :gsi2sk ADD version :one"), Map.of(), null);
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

    private void missing(List<FieldError> errors, String field, List<String> ids, java.util.function.UnaryOperator<String> pk,
            String sk) {
        Set<String> found = new java.util.HashSet<>();
        store.table().getAll(ids.stream().map(id -> SingleTable.key(pk.apply(id), sk)).toList())
                .forEach(item -> found.add(Attr.str(item, "id")));
        for (int i = 0; i < ids.size(); i++) {
            if (!found.contains(ids.get(i))) {
                errors.add(new FieldError(field + "[" + i + "]", "NOT_FOUND", "编号 " + ids.get(i) + " 不存在"));
            }
        }
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


    static ProblemException notOpen() {
        return ProblemException.conflict("PROJECT_NOT_OPEN", "项目未发布或已开始，不能认领");
    }

    private static ProblemException stateRefusal(ProjectStatus required) {
        return ProblemException.conflict("PROJECT_STATE", "项目须处于「" + switch (required) {
            case PLANNED -> "计划中";
            case IN_PROGRESS -> "实施中";
            case DONE -> "已完成";
            case EVALUATED -> "已评价";
        } + "」状态才能执行此操作");
    }
}
