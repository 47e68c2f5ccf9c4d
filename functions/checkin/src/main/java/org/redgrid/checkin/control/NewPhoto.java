package org.redgrid.checkin.control;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * A photo the phone is about to upload (上传照片) for a service at a grid: its type and exact size in bytes, both
 * signed into the URL.
 */
public record NewPhoto(
        @NotBlank(message = "请指定服务网格") String gridCode,
        @NotNull(message = "请指定照片类型") String contentType,
        @NotNull(message = "请指定照片大小") @Min(value = 1, message = "照片不能为空") Long size) {
}
