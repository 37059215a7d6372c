package community.ivsrealtime.cdk;

import java.util.List;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;

/**
 * Properties of a {@link Stage}. All are optional: {@code new Stage(this, "Stage")} defines a stage with a generated
 * name and no recording.
 */
public final class StageProps {
    private final String stageName;
    private final IStorageConfiguration recordingStorageConfiguration;
    private final RecordingMediaType recordingMediaType;
    private final Duration recordingReconnectWindow;
    private final Duration recordingHlsTargetSegmentDuration;
    private final Boolean recordParticipantReplicas;
    private final ThumbnailRecordingMode thumbnailRecordingMode;
    private final Duration thumbnailInterval;
    private final List<ThumbnailStorage> thumbnailStorage;
    private final RemovalPolicy removalPolicy;

    private StageProps(Builder b) {
        this.stageName = b.stageName;
        this.recordingStorageConfiguration = b.recordingStorageConfiguration;
        this.recordingMediaType = b.recordingMediaType;
        this.recordingReconnectWindow = b.recordingReconnectWindow;
        this.recordingHlsTargetSegmentDuration = b.recordingHlsTargetSegmentDuration;
        this.recordParticipantReplicas = b.recordParticipantReplicas;
        this.thumbnailRecordingMode = b.thumbnailRecordingMode;
        this.thumbnailInterval = b.thumbnailInterval;
        this.thumbnailStorage = b.thumbnailStorage == null ? null : List.copyOf(b.thumbnailStorage);
        this.removalPolicy = b.removalPolicy;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The name: letters, digits, {@code -} and {@code _}, at most 128 characters; it need not be unique. It updates in place.
     *
     * @return the value; default: a name made from the construct path
     */
    public String getStageName() {
        return stageName;
    }

    /**
     * Turns on individual participant recording: IVS records every participant who publishes to the stage into this storage configuration's bucket. The {@code recording*} and {@code thumbnail*} props need it.
     *
     * @return the value; default: no individual participant recording
     */
    public IStorageConfiguration getRecordingStorageConfiguration() {
        return recordingStorageConfiguration;
    }

    /**
     * What is recorded for each participant.
     *
     * @return the value; default: IVS's default, {@link RecordingMediaType#AUDIO_VIDEO}
     */
    public RecordingMediaType getRecordingMediaType() {
        return recordingMediaType;
    }

    /**
     * If a participant reconnects within this window (0-300 seconds, whole seconds), the recording continues in the same files.
     *
     * @return the value; default: IVS's default, 0: every reconnect starts new files
     */
    public Duration getRecordingReconnectWindow() {
        return recordingReconnectWindow;
    }

    /**
     * Target duration of the recordings' HLS segments (2-10 seconds, whole seconds).
     *
     * @return the value; default: IVS's default, 6 seconds
     */
    public Duration getRecordingHlsTargetSegmentDuration() {
        return recordingHlsTargetSegmentDuration;
    }

    /**
     * Whether participants replicated into this stage from another stage are recorded too.
     *
     * @return the value; default: IVS's default, true
     */
    public Boolean getRecordParticipantReplicas() {
        return recordParticipantReplicas;
    }

    /**
     * Whether recordings get thumbnails.
     *
     * @return the value; default: IVS's default, {@link ThumbnailRecordingMode#DISABLED}
     */
    public ThumbnailRecordingMode getThumbnailRecordingMode() {
        return thumbnailRecordingMode;
    }

    /**
     * Time between thumbnails (1-86400 seconds, whole seconds); only with {@link ThumbnailRecordingMode#INTERVAL}.
     *
     * @return the value; default: IVS's default, 60 seconds
     */
    public Duration getThumbnailInterval() {
        return thumbnailInterval;
    }

    /**
     * How thumbnails are stored (at most both values, each once).
     *
     * @return the value; default: IVS's default, {@link ThumbnailStorage#SEQUENTIAL}
     */
    public List<ThumbnailStorage> getThumbnailStorage() {
        return thumbnailStorage;
    }

    /**
     * What happens to the stage when it is removed from the stack or replaced. Retaining is the CDK design guidelines' default for resources others depend on: participant tokens, ingest configurations and compositions refer to the stage's ARN.
     *
     * @return the value; default: {@code RemovalPolicy.RETAIN}
     */
    public RemovalPolicy getRemovalPolicy() {
        return removalPolicy;
    }

    /** Builder of {@link StageProps}. */
    public static final class Builder {
        private String stageName;
        private IStorageConfiguration recordingStorageConfiguration;
        private RecordingMediaType recordingMediaType;
        private Duration recordingReconnectWindow;
        private Duration recordingHlsTargetSegmentDuration;
        private Boolean recordParticipantReplicas;
        private ThumbnailRecordingMode thumbnailRecordingMode;
        private Duration thumbnailInterval;
        private List<ThumbnailStorage> thumbnailStorage;
        private RemovalPolicy removalPolicy;

        private Builder() {
        }

        /** @param stageName see {@link StageProps#getStageName()} @return this */
        public Builder stageName(String stageName) {
            this.stageName = stageName;
            return this;
        }

        /** @param recordingStorageConfiguration see {@link StageProps#getRecordingStorageConfiguration()} @return this */
        public Builder recordingStorageConfiguration(IStorageConfiguration recordingStorageConfiguration) {
            this.recordingStorageConfiguration = recordingStorageConfiguration;
            return this;
        }

        /** @param recordingMediaType see {@link StageProps#getRecordingMediaType()} @return this */
        public Builder recordingMediaType(RecordingMediaType recordingMediaType) {
            this.recordingMediaType = recordingMediaType;
            return this;
        }

        /** @param recordingReconnectWindow see {@link StageProps#getRecordingReconnectWindow()} @return this */
        public Builder recordingReconnectWindow(Duration recordingReconnectWindow) {
            this.recordingReconnectWindow = recordingReconnectWindow;
            return this;
        }

        /** @param recordingHlsTargetSegmentDuration see {@link StageProps#getRecordingHlsTargetSegmentDuration()} @return this */
        public Builder recordingHlsTargetSegmentDuration(Duration recordingHlsTargetSegmentDuration) {
            this.recordingHlsTargetSegmentDuration = recordingHlsTargetSegmentDuration;
            return this;
        }

        /** @param recordParticipantReplicas see {@link StageProps#getRecordParticipantReplicas()} @return this */
        public Builder recordParticipantReplicas(Boolean recordParticipantReplicas) {
            this.recordParticipantReplicas = recordParticipantReplicas;
            return this;
        }

        /** @param thumbnailRecordingMode see {@link StageProps#getThumbnailRecordingMode()} @return this */
        public Builder thumbnailRecordingMode(ThumbnailRecordingMode thumbnailRecordingMode) {
            this.thumbnailRecordingMode = thumbnailRecordingMode;
            return this;
        }

        /** @param thumbnailInterval see {@link StageProps#getThumbnailInterval()} @return this */
        public Builder thumbnailInterval(Duration thumbnailInterval) {
            this.thumbnailInterval = thumbnailInterval;
            return this;
        }

        /** @param thumbnailStorage see {@link StageProps#getThumbnailStorage()} @return this */
        public Builder thumbnailStorage(List<ThumbnailStorage> thumbnailStorage) {
            this.thumbnailStorage = thumbnailStorage;
            return this;
        }

        /** @param removalPolicy see {@link StageProps#getRemovalPolicy()} @return this */
        public Builder removalPolicy(RemovalPolicy removalPolicy) {
            this.removalPolicy = removalPolicy;
            return this;
        }

        /** @return the props */
        public StageProps build() {
            return new StageProps(this);
        }
    }
}
