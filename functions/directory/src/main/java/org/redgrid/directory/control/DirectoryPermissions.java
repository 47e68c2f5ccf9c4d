package org.redgrid.directory.control;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.redgrid.kernel.security.DomainPermissions;

/** The directory's permissions (网格与人员权限); which role holds which is the kernel's role table. */
@ApplicationScoped
public class DirectoryPermissions implements DomainPermissions {

    /** See the grid tree: nodes, children, subtree, path, locate. */
    public static final String TREE_READ = "directory.tree.read";
    /** Create, rename, move, retire and delete grid nodes. */
    public static final String TREE_WRITE = "directory.tree.write";
    /** See people, households and partner units (personal data masked). */
    public static final String PEOPLE_READ = "directory.people.read";
    /** Register and edit people, households, positions and partner units. */
    public static final String PEOPLE_WRITE = "directory.people.write";
    /** Read a phone number unmasked (audited). */
    public static final String REVEAL_PHONE = "directory.reveal.phone";
    /** Read an ID number unmasked (audited). */
    public static final String REVEAL_ID_NUMBER = "directory.reveal.idNumber";
    /** Read the audit trail of unmasked reads. */
    public static final String AUDIT_READ = "directory.audit.read";
    /** Read one's own records (residents). */
    public static final String SELF_READ = "directory.self.read";

    private static final Map<String, String> ALL = new LinkedHashMap<>();
    static {
        ALL.put(TREE_READ, "查看网格树");
        ALL.put(TREE_WRITE, "维护网格树");
        ALL.put(PEOPLE_READ, "查看人员、住户与共建单位");
        ALL.put(PEOPLE_WRITE, "登记与维护人员、住户、岗位与共建单位");
        ALL.put(REVEAL_PHONE, "查看完整电话（留痕）");
        ALL.put(REVEAL_ID_NUMBER, "查看完整身份证号（留痕）");
        ALL.put(AUDIT_READ, "查看个人信息查阅记录");
        ALL.put(SELF_READ, "查看本人信息");
    }

    @Override
    public Map<String, String> permissions() {
        return ALL;
    }
}
