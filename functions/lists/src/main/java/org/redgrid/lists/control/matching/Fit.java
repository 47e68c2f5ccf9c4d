package org.redgrid.lists.control.matching;

import java.util.List;

/**
 * 匹配评分: a pair's fit with its breakdown; {@code total} is the sum of the components' contributions.
 *
 * @param explanation one zh-CN sentence a staff member reads, e.g. "同一网格；类别相符；技能匹配 2/3；时间重叠 80%；紧急程度 4"
 */
public record Fit(int total, List<FitComponent> components, String explanation) {

    public Fit {
        components = List.copyOf(components);
    }
}
