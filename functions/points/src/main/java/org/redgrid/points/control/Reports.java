package org.redgrid.points.control;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.redgrid.kernel.dynamo.Attr;
import org.redgrid.kernel.dynamo.SingleTable;
import org.redgrid.kernel.grid.GridPort;
import org.redgrid.kernel.problem.ProblemException;
import org.redgrid.kernel.security.Guard;
import org.redgrid.points.entity.Keys;
import org.redgrid.points.entity.RuleKind;
import org.redgrid.points.entity.Store;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reports (积分报表), each read from figures kept as entries post — never summed over the journal: a store's sales
 * by month, a grid's leaderboard of a year (one Query on an index sorted by points earned), a community's month
 * (issued, redeemed, expired; by rule kind, rule and grid) with its last twelve months for the dashboard's charts.
 */
@ApplicationScoped
public class Reports {

    @Inject
    PointsStore store;

    @Inject
    Supermarket supermarket;

    @Inject
    PointsRules rules;

    @Inject
    GridPort grid;

    @Inject
    Guard guard;

    @Inject
    Clock clock;

    public record Sales(String month, long points, long quantity, long redemptions) {
    }

    public record Rank(int rank, String householdId, String label, long earned) {
    }

    public record Flows(String month, long issued, long redeemed, long expired) {
    }

    public record RuleFigure(String ruleId, String name, long points) {
    }

    public record GridFigure(String gridCode, String name, long issued) {
    }

    public record Monthly(String communityCode, String month, long issued, long redeemed, long expired, Map<String, Long> byKind,
            List<RuleFigure> byRule, List<GridFigure> byGrid, List<Flows> series) {
    }

    /** A store's sales, month by month, for the twelve months ending at {@code to}. */
    public List<Sales> sales(String storeId, String to) {
        Store at = supermarket.storeById(storeId);
        guard.require(PointsPermissions.LEDGER_READ, at.path());
        YearMonth last = to == null ? YearMonth.from(clock.instant().atZone(Months.CHINA)) : Months.parse("to", to);
        Map<String, Map<String, AttributeValue>> kept = byMonth(store.query(null, Keys.store(storeId), null,
                Keys.salesSk(last.minusMonths(11).toString()), Keys.salesSk(last.toString()), false, 12), "SALES#");
        List<Sales> months = new ArrayList<>();
        for (YearMonth m = last.minusMonths(11); !m.isAfter(last); m = m.plusMonths(1)) {
            Map<String, AttributeValue> i = kept.getOrDefault(m.toString(), Map.of());
            months.add(new Sales(m.toString(), Attr.num(i, "points"), Attr.num(i, "quantity"), Attr.num(i, "redemptions")));
        }
        return months;
    }

    /** The households of a grid that earned most in a year, best first. */
    public List<Rank> leaderboard(String gridCode, String year, int limit) {
        GridPort.Place at = store.existingGrid(gridCode);
        guard.require(PointsPermissions.LEDGER_READ, at.path());
        String y = year == null ? Months.year(clock.instant()) : year;
        if (!y.matches("20\\d\\d|2100")) {
            throw ProblemException.invalidField("year", "INVALID_YEAR", "年份须在 2000–2100 之间");
        }
        List<Rank> ranks = new ArrayList<>();
        for (Map<String, AttributeValue> item : store.query(SingleTable.BY_PARENT, Keys.board(gridCode, y), null, null, null, true,
                limit)) {
            ranks.add(new Rank(ranks.size() + 1, Attr.str(item, "householdId"), Attr.str(item, "label"), Attr.num(item, "earned")));
        }
        return ranks;
    }

    public Monthly monthly(String communityCode, String month) {
        guard.require(PointsPermissions.LEDGER_READ, store.existingCommunity(communityCode).path());
        YearMonth last = month == null ? YearMonth.from(clock.instant().atZone(Months.CHINA)) : Months.parse("month", month);
        Map<String, Map<String, AttributeValue>> kept = byMonth(store.query(null, Keys.community(communityCode), null,
                Keys.monthSk(last.minusMonths(11).toString()), Keys.monthSk(last.toString()), false, 12), "MONTH#");
        List<Flows> series = new ArrayList<>();
        for (YearMonth m = last.minusMonths(11); !m.isAfter(last); m = m.plusMonths(1)) {
            Map<String, AttributeValue> i = kept.getOrDefault(m.toString(), Map.of());
            series.add(new Flows(m.toString(), Attr.num(i, "award"), Attr.num(i, "redemption"), Attr.num(i, "expiry")));
        }
        Map<String, AttributeValue> figures = kept.getOrDefault(last.toString(), Map.of());
        Map<String, Long> byKind = new LinkedHashMap<>();
        for (RuleKind kind : RuleKind.values()) {
            byKind.put(kind.name(), Attr.num(figures, "k#" + kind.name()));
        }
        Map<String, String> ruleNames = new HashMap<>();
        figures.keySet().stream().filter(k -> k.startsWith("r#")).findAny()
                .ifPresent(any -> rules.list(communityCode).forEach(r -> ruleNames.put(r.id(), r.name())));
        List<RuleFigure> byRule = figures.keySet().stream().filter(k -> k.startsWith("r#")).sorted()
                .map(k -> new RuleFigure(k.substring(2), ruleNames.getOrDefault(k.substring(2), k.substring(2)), Attr.num(figures, k)))
                .toList();
        List<GridFigure> byGrid = figures.keySet().stream().filter(k -> k.startsWith("g#")).sorted()
                .map(k -> new GridFigure(k.substring(2), grid.where(k.substring(2)).map(GridPort.Place::name).orElse(k.substring(2)),
                        Attr.num(figures, k)))
                .toList();
        Flows now = series.get(series.size() - 1);
        return new Monthly(communityCode, last.toString(), now.issued(), now.redeemed(), now.expired(), byKind, byRule, byGrid, series);
    }

    private static Map<String, Map<String, AttributeValue>> byMonth(List<Map<String, AttributeValue>> items, String prefix) {
        Map<String, Map<String, AttributeValue>> months = new HashMap<>();
        items.forEach(i -> months.put(Attr.str(i, SingleTable.SK).substring(prefix.length()), i));
        return months;
    }
}
