package org.redgrid.directory.control;

import java.util.List;
import java.util.Set;

import org.redgrid.kernel.problem.ProblemException;

/**
 * Personal information rules (个人信息保护): formats, masking, and which field needs which permission to be read
 * unmasked.
 */
public final class PersonalData {

    /** Mainland mobile, or a landline with area code. */
    public static final String PHONE = "1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}";
    /** 18-digit resident ID number; the check digit is verified by {@link #validIdNumber}. */
    public static final String ID_NUMBER = "\\d{17}[\\dXx]";

    public static final String FIELD_PHONE = "phone";
    public static final String FIELD_ID_NUMBER = "idNumber";
    private static final Set<String> FIELDS = Set.of(FIELD_PHONE, FIELD_ID_NUMBER);

    private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
    private static final String CHECK = "10X98765432";

    private PersonalData() {
    }

    /** "13812345678" → "138****5678". */
    public static String maskPhone(String phone) {
        if (phone == null) {
            return null;
        }
        return phone.length() < 7 ? "****" : phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }

    /** "110101199003071234" → "110***********1234". */
    public static String maskIdNumber(String id) {
        if (id == null) {
            return null;
        }
        return id.substring(0, 3) + "*".repeat(id.length() - 7) + id.substring(id.length() - 4);
    }

    /** GB 11643 check digit. */
    public static boolean validIdNumber(String id) {
        if (id == null || !id.matches(ID_NUMBER)) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * WEIGHTS[i];
        }
        return Character.toUpperCase(id.charAt(17)) == CHECK.charAt(sum % 11);
    }

    public static void requireValidIdNumber(String id) {
        if (id != null && !validIdNumber(id)) {
            throw ProblemException.invalidField("idNumber", "ID_NUMBER_CHECKSUM", "身份证号校验位不正确");
        }
    }

    public static String permissionToReveal(String field) {
        return FIELD_ID_NUMBER.equals(field) ? DirectoryPermissions.REVEAL_ID_NUMBER : DirectoryPermissions.REVEAL_PHONE;
    }

    /** The fields asked for unmasked; unknown names and a missing reason are refused. */
    public static List<String> requestedFields(List<String> reveal, String reason) {
        List<String> fields = reveal == null ? List.of()
                : reveal.stream().flatMap(r -> List.of(r.split(",")).stream()).map(String::trim).filter(f -> !f.isEmpty())
                        .distinct().toList();
        for (String f : fields) {
            if (!FIELDS.contains(f)) {
                throw ProblemException.invalidField("reveal", "UNKNOWN_FIELD", "只能查看 phone 或 idNumber 的完整内容");
            }
        }
        if (!fields.isEmpty() && (reason == null || reason.isBlank() || reason.length() > 200)) {
            throw ProblemException.invalidField("reason", "REASON_REQUIRED", "查看完整个人信息须填写事由（最多 200 字）");
        }
        return fields;
    }
}
