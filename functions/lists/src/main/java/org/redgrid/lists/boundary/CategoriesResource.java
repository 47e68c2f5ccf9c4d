package org.redgrid.lists.boundary;

import java.util.Arrays;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.redgrid.kernel.security.Secured;
import org.redgrid.kernel.taxonomy.Category;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The shared service category taxonomy (服务类别), for every form and filter that names a category. */
@Path("/lists/categories")
@Tag(name = "三张清单 Lists")
@Produces(MediaType.APPLICATION_JSON)
public class CategoriesResource {

    /** 类别: code and names. */
    @RegisterForReflection
    public record CategoryView(String code, String zhCN, String enUS) {
    }

    @GET
    @Secured(Secured.SIGNED_IN)
    @Operation(summary = "服务类别（13 类，代码与中英文名称）")
    public List<CategoryView> all() {
        return Arrays.stream(Category.values()).map(c -> new CategoryView(c.code(), c.zhCN(), c.enUS())).toList();
    }
}
