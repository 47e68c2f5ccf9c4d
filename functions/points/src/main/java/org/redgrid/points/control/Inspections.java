package org.redgrid.points.control;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.redgrid.kernel.dynamo.Idempotency;
import org.redgrid.kernel.dynamo.SingleTable;
import org.redgrid.kernel.dynamo.Transaction;
import org.redgrid.kernel.grid.GridPort;
import org.redgrid.kernel.problem.ProblemException;
import org.redgrid.kernel.security.Guard;
import org.redgrid.points.entity.InspectionSheet;
import org.redgrid.points.entity.Keys;
import org.redgrid.points.entity.PointsAccount;
import org.redgrid.points.entity.Rule;
import org.redgrid.points.entity.RuleKind;
import org.redgrid.points.entity.SheetScore;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Monthly inspection sheets (月度卫生检查): a grid's staff score each household on three criteria while the sheet is
 * open; publishing it names the month's clean households (清洁户, total at or above the rule's threshold) and posts
 * each one's points by the community's inspection rule — once per sheet and household (the source key), so a
 * publication that is retried, or broken off, carries on without paying anyone twice.
 */
@ApplicationScoped
public class Inspections {

    @Inject
    PointsStore store;

    @Inject
    PointsRules rules;

    @Inject
    HouseholdAccounts accounts;

    @Inject
    Guard guard;

    @Inject
    Idempotency idempotency;

    @Inject
    Clock clock;

    public record NewSheet(@NotBlank(message = "请指定网格") String gridCode,
            @NotBlank(message = "请填写月份（yyyy-MM）") String month) {
    }

    /** A household's scores, each from 0 to the sheet's top score. */
    public record Scores(@NotNull(message = "请填写个人卫生分") @Min(value = 0, message = "分数不能为负") @Max(value = 100, message = "分数最多 100") Long personal,
            @NotNull(message = "请填写室内卫生分") @Min(value = 0, message = "分数不能为负") @Max(value = 100, message = "分数最多 100") Long indoor,
            @NotNull(message = "请填写房前屋后卫生分") @Min(value = 0, message = "分数不能为负") @Max(value = 100, message = "分数最多 100") Long surroundings) {
    }

    /** A criterion of the sheet (检查项目) and its top score. */
    @Schema(name = "InspectionCriterion")
    public record Criterion(String code, String name, long max) {
    }

    /** A household's line as the sheet shows it. */
    public record Line(String householdId, String label, long personal, long indoor, long surroundings, long total, boolean clean,
            String scoredBy, String scoredAt, String entryId, Long points) {
    }

    /** A household of the grid that the sheet may score. */
    public record Household(String householdId, String label) {
    }

    /** The sheet as staff read it: its state, criteria, scores and the grid's households. */
    public record Sheet(String gridCode, String gridName, String month, String communityCode, String status, long threshold,
            List<Criterion> criteria, String openedBy, String openedAt, String publishedBy, String publishedAt, List<Line> scores,
            List<Household> households) {
    }

    public Sheet open(NewSheet cmd, Idempotency.Key key) {
        YearMonth month = Months.parse("month", cmd.month());
        GridPort.Place grid = store.grid("gridCode", cmd.gridCode());
        guard.require(PointsPermissions.INSPECTION_WRITE, grid.path());
        String community = store.locate("gridCode", grid.code()).community().code();
        Rule rule = rules.current(community, RuleKind.INSPECTION.name()).filter(Rule::active)
                .orElseThrow(() -> ProblemException.conflict("NO_INSPECTION_RULE", "本社区尚未设置启用的“清洁户”积分规则"));
        InspectionSheet sheet = new InspectionSheet(grid.code(), grid.name(), month.toString(), community, grid.path(),
                InspectionSheet.OPEN, rule.threshold(), rule.maxScore(), guard.caller().username(), clock.instant().toString(),
                null, null, 1);
        idempotency.once(store.table(), key, tx -> {
            store.table().putNew(tx, sheet.toItem(), () -> ProblemException.conflict("SHEET_EXISTS",
                    "网格 " + grid.name() + " " + month + " 的检查表已存在"));
            return sheet;
        }, s -> s.gridCode() + "/" + s.month(), id -> sheet);
        return view(sheet(grid.code(), month.toString()));
    }

    /** A community's sheets of a month (no scores). */
    public List<InspectionSheet> list(String communityCode, String month) {
        guard.require(PointsPermissions.LEDGER_READ, store.existingCommunity(communityCode).path());
        Months.parse("month", month);
        return store.query(SingleTable.BY_PARENT, Keys.sheets(communityCode), month + "#", null, null, false, 1000).stream()
                .map(InspectionSheet::fromItem).toList();
    }

    public Sheet get(String gridCode, String month) {
        InspectionSheet sheet = sheet(gridCode, month);
        guard.require(PointsPermissions.LEDGER_READ, sheet.path());
        return view(sheet);
    }

    public Sheet score(String gridCode, String month, String householdId, Scores cmd) {
        InspectionSheet sheet = sheet(gridCode, month);
        guard.require(PointsPermissions.INSPECTION_WRITE, sheet.path());
        if (!InspectionSheet.OPEN.equals(sheet.status())) {
            throw published();
        }
        for (Map.Entry<String, Long> e : Map.of("personal", cmd.personal(), "indoor", cmd.indoor(), "surroundings", cmd.surroundings())
                .entrySet()) {
            if (e.getValue() > sheet.maxScore()) {
                throw ProblemException.invalidField(e.getKey(), "SCORE_OUT_OF_RANGE", "每项得分须在 0–" + sheet.maxScore() + " 之间");
            }
        }
        PointsAccount household = accounts.ensure(householdId)
                .orElseThrow(() -> ProblemException.notFound("HOUSEHOLD_NOT_FOUND", "住户 " + householdId + " 不在网格名册中"));
        if (!household.path().startsWith(sheet.path())) {
            throw ProblemException.invalidField("householdId", "NOT_IN_GRID", "该户不在本网格");
        }
        SheetScore score = new SheetScore(householdId, household.label(), cmd.personal(), cmd.indoor(), cmd.surroundings(),
                guard.caller().username(), clock.instant().toString(), null, null);
        Transaction tx = new Transaction();
        // Only while the sheet is open: a publication that started meanwhile refuses the late score.
        store.table().update(tx, SingleTable.key(Keys.sheet(gridCode, month), Keys.SHEET_SK), u -> u
                .updateExpression("ADD version :one").conditionExpression("#status = :open")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(SingleTable.values(":one", 1, ":open", InspectionSheet.OPEN)), Inspections::published);
        store.table().put(tx, score.toItem(gridCode, month));
        store.table().commit(tx);
        return view(sheet(gridCode, month));
    }

    /**
     * Publishes the sheet: no more scores, then each clean household's points by the inspection rule (each once, by
     * its source key), then PUBLISHED. Publishing a published sheet answers it again.
     */
    public Sheet publish(String gridCode, String month) {
        InspectionSheet sheet = sheet(gridCode, month);
        guard.require(PointsPermissions.INSPECTION_WRITE, sheet.path());
        if (InspectionSheet.PUBLISHED.equals(sheet.status())) {
            return view(sheet);
        }
        String by = guard.caller().username();
        if (InspectionSheet.OPEN.equals(sheet.status())) {
            move(gridCode, month, InspectionSheet.OPEN, InspectionSheet.PUBLISHING, null);
        }
        for (SheetScore score : scores(gridCode, month)) {
            if (score.total() < sheet.threshold() || score.points() != null) {
                continue;
            }
            PointsRules.Accrual accrual = rules.accrue(sheet.communityCode(), RuleKind.INSPECTION, score.householdId(), BigDecimal.ONE,
                    "SHEET#" + gridCode + "#" + month + "#" + score.householdId(), Months.start(YearMonth.parse(month)));
            Transaction tx = new Transaction();
            store.table().update(tx, SingleTable.key(Keys.sheet(gridCode, month), Keys.scoreSk(score.householdId())), u -> u
                    .updateExpression(accrual.entryId() == null ? "SET points = :p" : "SET points = :p, entryId = :e")
                    .expressionAttributeValues(accrual.entryId() == null ? SingleTable.values(":p", accrual.points())
                            : SingleTable.values(":p", accrual.points(), ":e", accrual.entryId())), PointsLedger::busy);
            store.table().commit(tx);
        }
        move(gridCode, month, InspectionSheet.PUBLISHING, InspectionSheet.PUBLISHED, by);
        return view(sheet(gridCode, month));
    }

    private void move(String gridCode, String month, String from, String to, String by) {
        Transaction tx = new Transaction();
        store.table().update(tx, SingleTable.key(Keys.sheet(gridCode, month), Keys.SHEET_SK), u -> u
                .updateExpression(by == null ? "SET #status = :to ADD version :one"
                        : "SET #status = :to, publishedBy = :by, publishedAt = :at ADD version :one")
                .conditionExpression("#status = :from").expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(by == null ? SingleTable.values(":to", to, ":from", from, ":one", 1)
                        : SingleTable.values(":to", to, ":from", from, ":one", 1, ":by", by, ":at", clock.instant().toString())),
                () -> ProblemException.conflict("SHEET_BUSY", "检查表正在被他人发布，请刷新"));
        try {
            store.table().commit(tx);
        } catch (ProblemException raced) {
            // Someone else moved it first: fine when it is already where this one was taking it, or beyond.
            String now = sheet(gridCode, month).status();
            if (!now.equals(to) && !InspectionSheet.PUBLISHED.equals(now)) {
                throw raced;
            }
        }
    }

    private InspectionSheet sheet(String gridCode, String month) {
        return store.table().get(Keys.sheet(gridCode, month), Keys.SHEET_SK, true).map(InspectionSheet::fromItem)
                .orElseThrow(() -> ProblemException.notFound("SHEET_NOT_FOUND", "网格 " + gridCode + " " + month + " 的检查表不存在"));
    }

    private List<SheetScore> scores(String gridCode, String month) {
        return store.query(null, Keys.sheet(gridCode, month), "SCORE#", null, null, false, 10_000).stream()
                .map(SheetScore::fromItem).toList();
    }

    private Sheet view(InspectionSheet sheet) {
        List<Line> lines = new ArrayList<>();
        for (SheetScore s : scores(sheet.gridCode(), sheet.month())) {
            lines.add(new Line(s.householdId(), s.label(), s.personal(), s.indoor(), s.surroundings(), s.total(),
                    s.total() >= sheet.threshold(), s.scoredBy(), s.scoredAt(), s.entryId(), s.points()));
        }
        List<Household> households = store.query(SingleTable.BY_PATH, Keys.households(sheet.communityCode()), sheet.path(), null,
                null, false, 10_000).stream().map(PointsAccount::fromItem).map(a -> new Household(a.ownerId(), a.label())).toList();
        long max = sheet.maxScore();
        return new Sheet(sheet.gridCode(), sheet.gridName(), sheet.month(), sheet.communityCode(), sheet.status(), sheet.threshold(),
                List.of(new Criterion("personal", "个人卫生", max), new Criterion("indoor", "室内", max),
                        new Criterion("surroundings", "房前屋后", max)),
                sheet.openedBy(), sheet.openedAt(), sheet.publishedBy(), sheet.publishedAt(), lines, households);
    }

    private static ProblemException published() {
        return ProblemException.conflict("SHEET_PUBLISHED", "检查表已发布，不能再修改");
    }
}
