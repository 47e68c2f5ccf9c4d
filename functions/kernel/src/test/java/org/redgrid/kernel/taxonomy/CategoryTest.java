package org.redgrid.kernel.taxonomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class CategoryTest {

    @Test
    void thirteenCategoriesWithDistinctCodesAndNames() {
        assertEquals(13, Category.values().length);
        assertEquals(13, Arrays.stream(Category.values()).map(Category::zhCN).collect(Collectors.toSet()).size());
        assertEquals(13, Arrays.stream(Category.values()).map(Category::enUS).collect(Collectors.toSet()).size());
        assertTrue(Arrays.stream(Category.values()).allMatch(c -> c.code().matches("[A-Z]+")));
    }

    @Test
    void codesResolveAndUnknownOnesDoNot() {
        assertEquals(Category.WISH, Category.ofCode("WISH").orElseThrow());
        assertEquals("微心愿", Category.WISH.zhCN());
        assertEquals("Free clinics", Category.CLINIC.label(Locale.US));
        assertEquals("义诊", Category.CLINIC.label(Locale.SIMPLIFIED_CHINESE));
        assertFalse(Category.isCode("wish"));
        assertFalse(Category.isCode("义诊"));
        assertFalse(Category.isCode(null));
        assertEquals(Set.of("CARE", "LABOUR", "INFO", "MEDIATION", "WISH", "CLINIC", "LEGAL", "FINANCE", "HEALTH",
                "ENVIRONMENT", "ELDERLY", "CULTURE", "PATROL"),
                Arrays.stream(Category.values()).map(Category::code).collect(Collectors.toSet()));
    }
}
