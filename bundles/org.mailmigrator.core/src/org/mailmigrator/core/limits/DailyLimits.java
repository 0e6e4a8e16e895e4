package org.mailmigrator.core.limits;

import java.time.Duration;

/**
 * How much one account may transfer per window (a day; shorter in tests): {@code downloadBytes} read from it as a
 * source, {@code uploadBytes} written to it as a destination. 0 means no limit.
 */
public record DailyLimits(long downloadBytes, long uploadBytes, Duration window) {
    /** The account setting of a daily download budget in MB (0: none), overriding the provider preset. */
    public static final String DOWNLOAD_SETTING = "dailyDownloadMb";
    /** The account setting of a daily upload budget in MB (0: none), overriding the provider preset. */
    public static final String UPLOAD_SETTING = "dailyUploadMb";
    public static final DailyLimits NONE = new DailyLimits(0, 0, Duration.ofDays(1));
    private static final long MB = 1_000_000L;

    public DailyLimits {
        if (downloadBytes < 0 || uploadBytes < 0 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("limits must be 0 (none) or positive, and the window positive");
        }
    }

    /** Limits given in MB (10^6 bytes) per day, as the provider presets and options write them. */
    public static DailyLimits megabytesPerDay(long downloadMb, long uploadMb) {
        return new DailyLimits(downloadMb * MB, uploadMb * MB, Duration.ofDays(1));
    }

    public DailyLimits withWindow(Duration value) {
        return new DailyLimits(downloadBytes, uploadBytes, value);
    }

    public boolean none() {
        return downloadBytes == 0 && uploadBytes == 0;
    }
}
