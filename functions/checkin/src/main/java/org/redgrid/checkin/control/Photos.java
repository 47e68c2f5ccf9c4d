package org.redgrid.checkin.control;

import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.redgrid.kernel.photo.PhotoStore;
import org.redgrid.kernel.photo.PhotoStores;
import org.redgrid.kernel.photo.Upload;
import org.redgrid.kernel.security.Guard;

/**
 * Photos of service records (服务纪实照片) in check-in's own bucket: a member of a grid's service uploads them with
 * the kernel's presigned flow ({@link PhotoStore}), and a record keeps them under {@code services/<record id>/}.
 */
@ApplicationScoped
public class Photos {

    @Inject
    PhotoStores stores;

    @Inject
    Guard guard;

    @Inject
    CheckinGrid grid;

    private PhotoStore store;

    @PostConstruct
    void open() {
        store = stores.configured("redgrid.checkin");
    }

    public Upload presign(NewPhoto photo) {
        guard.require(CheckinPermissions.SERVICE_WRITE, grid.gridNamed("gridCode", photo.gridCode(), "服务照片须属于网格的服务纪实").path());
        return store.presign(photo.contentType(), photo.size());
    }

    /** Checks the caller's uploads and keeps them for a record; refusals are 400 on {@code photos[i]}. */
    public List<String> keep(List<String> uploads, String recordId, boolean keepLocation) {
        return store.keep(uploads, "photos", "services/" + recordId + "/", keepLocation);
    }

    public void discardUploads(List<String> uploads) {
        store.discardUploads(uploads);
    }

    public List<String> viewUrls(List<String> keys) {
        return store.viewUrls(keys);
    }
}
