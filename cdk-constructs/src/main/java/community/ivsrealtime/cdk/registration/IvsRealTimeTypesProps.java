package community.ivsrealtime.cdk.registration;

import community.ivsrealtime.cdk.TypeSchemas;
import java.util.List;
import java.util.Objects;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.logs.RetentionDays;

/** Properties of {@link IvsRealTimeTypes}; build with {@link #builder()}. */
public final class IvsRealTimeTypesProps {

    private final String packagesDirectory;
    private final List<String> typeNames;
    private final RetentionDays logRetention;
    private final RemovalPolicy logRemovalPolicy;

    private IvsRealTimeTypesProps(Builder b) {
        this.packagesDirectory = Objects.requireNonNull(b.packagesDirectory,
                "IvsRealTimeTypesProps: packagesDirectory is required (the folder with community-ivsrealtime-<type>.zip)");
        this.typeNames = b.typeNames == null ? TypeSchemas.typeNames() : List.copyOf(b.typeNames);
        this.logRetention = b.logRetention == null ? RetentionDays.ONE_MONTH : b.logRetention;
        this.logRemovalPolicy = b.logRemovalPolicy == null ? RemovalPolicy.RETAIN : b.logRemovalPolicy;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The folder holding the RegisterType packages {@code community-ivsrealtime-<type>.zip}. */
    public String getPackagesDirectory() {
        return packagesDirectory;
    }

    /** The types to register. */
    public List<String> getTypeNames() {
        return typeNames;
    }

    /** How long the handlers' log events are kept. */
    public RetentionDays getLogRetention() {
        return logRetention;
    }

    /** What happens to the log groups when they leave the stack. */
    public RemovalPolicy getLogRemovalPolicy() {
        return logRemovalPolicy;
    }

    /** Builder of {@link IvsRealTimeTypesProps}. */
    public static final class Builder {
        private String packagesDirectory;
        private List<String> typeNames;
        private RetentionDays logRetention;
        private RemovalPolicy logRemovalPolicy;

        private Builder() {
        }

        /**
         * Required: the folder with the five RegisterType packages ({@code community-ivsrealtime-stage.zip}, ...), as
         * {@code mvn package} writes them to {@code handlers/target/}. Each package is uploaded unchanged as an S3
         * file asset (the CDK's bootstrap bucket). A relative path is read from the app's working directory.
         */
        public Builder packagesDirectory(String value) {
            this.packagesDirectory = value;
            return this;
        }

        /** The types to register ({@code Community::IVSRealTime::Stage}, ...). Default: all five. */
        public Builder typeNames(List<String> value) {
            this.typeNames = value;
            return this;
        }

        /** How long the handlers' log events are kept. Default: {@link RetentionDays#ONE_MONTH}. */
        public Builder logRetention(RetentionDays value) {
            this.logRetention = value;
            return this;
        }

        /** What happens to the handlers' log groups when they leave the stack. Default: {@link RemovalPolicy#RETAIN}. */
        public Builder logRemovalPolicy(RemovalPolicy value) {
            this.logRemovalPolicy = value;
            return this;
        }

        /** Builds the props; fails when packagesDirectory is unset. */
        public IvsRealTimeTypesProps build() {
            return new IvsRealTimeTypesProps(this);
        }
    }
}
