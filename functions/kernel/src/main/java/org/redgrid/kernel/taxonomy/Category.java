package org.redgrid.kernel.taxonomy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The shared service category taxonomy (服务类别): one list of codes for every domain that sorts work by kind — the
 * three lists' demands, resources and projects, check-in's service records, the points rules that accrue from them.
 * Domains store the code; people read the zh-CN (or en-US) name. The 13 categories follow the practice of a city that
 * sorted its projects into 13 kinds (爱心认领, 义务劳动 … 治安巡逻).
 */
public enum Category {
    /** 爱心认领 */
    CARE("爱心认领", "Care pledges"),
    /** 义务劳动 */
    LABOUR("义务劳动", "Voluntary labour"),
    /** 信息咨询 */
    INFO("信息咨询", "Information and advice"),
    /** 矛盾调处 */
    MEDIATION("矛盾调处", "Dispute mediation"),
    /** 微心愿 */
    WISH("微心愿", "Micro-wishes"),
    /** 义诊 */
    CLINIC("义诊", "Free clinics"),
    /** 法律援助 */
    LEGAL("法律援助", "Legal aid"),
    /** 金融进万家 */
    FINANCE("金融进万家", "Financial literacy"),
    /** 健康伴你行 */
    HEALTH("健康伴你行", "Health promotion"),
    /** 环境整治 */
    ENVIRONMENT("环境整治", "Environmental clean-up"),
    /** 助老助残 */
    ELDERLY("助老助残", "Help for the elderly and disabled"),
    /** 文化活动 */
    CULTURE("文化活动", "Cultural activities"),
    /** 治安巡逻 */
    PATROL("治安巡逻", "Safety patrols");

    private final String zhCN;
    private final String enUS;

    Category(String zhCN, String enUS) {
        this.zhCN = zhCN;
        this.enUS = enUS;
    }

    /** The stable code stored and exchanged, e.g. {@code CLINIC}. */
    public String code() {
        return name();
    }

    public String zhCN() {
        return zhCN;
    }

    public String enUS() {
        return enUS;
    }

    /** The name in the language of {@code locale}: English for an English locale, Chinese otherwise. */
    public String label(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? enUS : zhCN;
    }

    public static Optional<Category> ofCode(String code) {
        return Arrays.stream(values()).filter(c -> c.name().equals(code)).findFirst();
    }

    /** Whether {@code code} is one of the taxonomy's codes. */
    public static boolean isCode(String code) {
        return ofCode(code).isPresent();
    }
}
