package org.redgrid.lists.control;

import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.redgrid.kernel.photo.PhotoStore;
import org.redgrid.kernel.photo.PhotoStores;
import org.redgrid.kernel.photo.Upload;
import org.redgrid.kernel.problem.ProblemException;
import org.redgrid.kernel.security.Guard;
import org.redgrid.kernel.time.Ids;
import org.redgrid.lists.entity.Project;
import org.redgrid.lists.entity.ProjectStatus;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Outcome photos of projects (项目成果照片) in the lists' own bucket, through the kernel's presigned flow
 * ({@link PhotoStore}): the community's admin uploads them until the project is evaluated, a completion keeps them
 * under {@code projects/<id>/<completion id>/} — always without their location, as outcome photos are shown to
 * everyone who reads the community's projects and are often taken at beneficiaries' homes — and a project is read with
 * presigned view URLs.
 */
@ApplicationScoped
public class ProjectPhotos {

    /** A photo the console is about to upload for a project (上传成果照片): its type and exact size, both signed. */
    @Schema(name = "NewProjectPhoto")
    public record NewPhoto(
            @NotNull(message = "请指定照片类型") String contentType,
            @NotNull(message = "请指定照片大小") @Min(value = 1, message = "照片不能为空") Long size) {
    }

    /** A project with presigned URLs of its outcome photos (valid 15 minutes), in the project's own fields. */
    @RegisterForReflection
    @Schema(name = "ProjectWithPhotos")
    public record WithPhotos(@JsonUnwrapped Project project, List<String> photoUrls) {
    }

    @Inject
    PhotoStores stores;

    @Inject
    Projects projects;

    @Inject
    Guard guard;

    @Inject
    Months months;

    private PhotoStore store;

    @PostConstruct
    void open() {
        store = stores.configured("redgrid.lists");
    }

    /** A presigned upload for a project the caller manages that is not evaluated yet (409 PROJECT_STATE then). */
    public Upload presign(String projectId, NewPhoto photo) {
        Project p = projects.load(projectId);
        guard.require(ListsPermissions.PROJECT_WRITE, p.communityPath());
        if (p.status() == ProjectStatus.EVALUATED) {
            throw ProblemException.conflict("PROJECT_STATE", "项目已评价，不能再上传成果照片");
        }
        return store.presign(photo.contentType(), photo.size());
    }

    /**
     * Keeps a completion's uploads (refusals 400 on {@code outcomePhotos[i]}); returns the kept keys. Nothing is kept
     * for a project not in progress, whose completion is refused (409) — its photos stay as they were. Each completion
     * keeps under a prefix of its own, so a refused concurrent one overwrites nothing.
     */
    public List<String> keep(Project p, List<String> uploads) {
        if (uploads == null || uploads.isEmpty() || p.status() != ProjectStatus.IN_PROGRESS) {
            return List.of();
        }
        return store.keep(uploads.stream().distinct().toList(), "outcomePhotos",
                "projects/" + p.id() + "/" + Ids.newId(months.now()) + "/", false);
    }

    /** Removes uploads once a completion has kept them (the bucket's lifecycle rule would, later). */
    public void discardUploads(List<String> uploads) {
        if (uploads != null && !uploads.isEmpty()) {
            store.discardUploads(uploads);
        }
    }

    public WithPhotos view(Project p) {
        return new WithPhotos(p, store.viewUrls(p.outcomePhotoKeys()));
    }
}
