package org.redgrid.checkin.control;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.redgrid.kernel.security.DomainPermissions;

/** The check-in domain's permissions (报到打卡权限); which role holds which is the kernel's role table. */
@ApplicationScoped
public class CheckinPermissions implements DomainPermissions {

    /** Register oneself at one's home community (members). */
    public static final String SELF_WRITE = "checkin.self.write";
    /** Read one's own registration. */
    public static final String SELF_READ = "checkin.self.read";
    /** See registrations and their counts in one's grid scope. */
    public static final String REGISTRATION_READ = "checkin.registration.read";
    /** Confirm or reject registrations in one's grid scope. */
    public static final String REGISTRATION_REVIEW = "checkin.registration.review";
    /** See the public board of registered members (亮身份). */
    public static final String BOARD_READ = "checkin.board.read";
    /** See one's own employer unit's staff and their registration status. */
    public static final String EMPLOYER_READ = "checkin.employer.read";

    /** Clock in and out at one's own grid (sinking cadres and grid workers hold a grid-worker grant there). */
    public static final String CLOCK_WRITE = "checkin.clock.write";
    /** Read attendance sheets in one's grid scope. */
    public static final String ATTENDANCE_READ = "checkin.attendance.read";

    /** Log one's own service records (服务纪实). */
    public static final String SERVICE_WRITE = "checkin.service.write";
    /** Read service ledgers in one's grid scope. */
    public static final String SERVICE_READ = "checkin.service.read";
    /** Verify service records in one's grid scope. */
    public static final String SERVICE_VERIFY = "checkin.service.verify";

    /** Request and cancel one's own leave (请销假): sinking cadres and grid workers. */
    public static final String LEAVE_WRITE = "checkin.leave.write";
    /** Approve or reject leave in one's grid scope (grid leaders, community admins). */
    public static final String LEAVE_REVIEW = "checkin.leave.review";
    /** Publish a grid's quarter of service (按季度公示). */
    public static final String PUBLICATION_WRITE = "checkin.publication.write";
    /** Confirm, as a beneficiary household's resident, a service done for one's household. */
    public static final String SERVICE_CONFIRM = "checkin.service.confirm";
    /** Keep the employer registry (工作单位) of one's street or district. */
    public static final String EMPLOYERS_WRITE = "checkin.employers.write";
    /** See the employer registry and ranking in one's grid scope. */
    public static final String EMPLOYERS_READ = "checkin.employers.read";
    /** Upload one's own employer unit's roster (花名册). */
    public static final String ROSTER_WRITE = "checkin.roster.write";
    /** See year-end evaluations (年终考评) in one's grid scope. */
    public static final String EVALUATION_READ = "checkin.evaluation.read";
    /** Set evaluation rules, propose, override and finalise in one's community. */
    public static final String EVALUATION_WRITE = "checkin.evaluation.write";

    /** Read one's district's work calendar (工作日历): every staff member in the district. */
    public static final String CALENDAR_READ = "checkin.calendar.read";
    /** Set the district's public holidays and working weekend days (district admins). */
    public static final String CALENDAR_WRITE = "checkin.calendar.write";

    private static final Map<String, String> ALL = new LinkedHashMap<>();
    static {
        ALL.put(SELF_WRITE, "本人报到");
        ALL.put(SELF_READ, "查看本人报到");
        ALL.put(REGISTRATION_READ, "查看辖区报到与统计");
        ALL.put(REGISTRATION_REVIEW, "确认或退回报到");
        ALL.put(BOARD_READ, "查看亮身份公示");
        ALL.put(EMPLOYER_READ, "查看本单位人员报到情况");
        ALL.put(CLOCK_WRITE, "网格打卡");
        ALL.put(ATTENDANCE_READ, "查看辖区考勤");
        ALL.put(SERVICE_WRITE, "登记本人服务纪实");
        ALL.put(SERVICE_READ, "查看辖区服务台账");
        ALL.put(SERVICE_VERIFY, "核实服务纪实");
        ALL.put(LEAVE_WRITE, "本人请假、销假");
        ALL.put(LEAVE_REVIEW, "审批请假");
        ALL.put(PUBLICATION_WRITE, "发布网格季度服务公示");
        ALL.put(SERVICE_CONFIRM, "受益居民确认服务");
        ALL.put(EMPLOYERS_WRITE, "维护工作单位名录");
        ALL.put(EMPLOYERS_READ, "查看工作单位名录与排名");
        ALL.put(ROSTER_WRITE, "上传本单位花名册");
        ALL.put(EVALUATION_READ, "查看辖区年终考评");
        ALL.put(EVALUATION_WRITE, "设置考评规则、提出、改评与定稿");
        ALL.put(CALENDAR_READ, "查看本区工作日历");
        ALL.put(CALENDAR_WRITE, "设置本区法定节假日与调休");
    }

    @Override
    public Map<String, String> permissions() {
        return ALL;
    }
}
