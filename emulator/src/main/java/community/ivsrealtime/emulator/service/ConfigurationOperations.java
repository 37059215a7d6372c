package community.ivsrealtime.emulator.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import community.ivsrealtime.emulator.core.IvsException;
import java.time.Instant;

/**
 * Encoder and storage configurations, the two configurations compositions use: Create, Get, Delete and List of
 * each. Both are immutable apart from their tags, and neither can be deleted while a running composition uses it
 * (ConflictException). A storage configuration's bucket name must follow S3's naming rules ({@link BucketNames});
 * whether the bucket exists is not simulated.
 */
final class ConfigurationOperations implements OperationRegistry.Family {
    private final Quotas quotas;

    ConfigurationOperations(Quotas quotas) {
        this.quotas = quotas;
    }

    @Override
    public void register(OperationRegistry r) {
        r.write("CreateEncoderConfiguration", this::createEncoderConfiguration);
        r.read("GetEncoderConfiguration", this::getEncoderConfiguration);
        r.write("DeleteEncoderConfiguration", this::deleteEncoderConfiguration);
        r.read("ListEncoderConfigurations", this::listEncoderConfigurations);
        r.write("CreateStorageConfiguration", this::createStorageConfiguration);
        r.read("GetStorageConfiguration", this::getStorageConfiguration);
        r.write("DeleteStorageConfiguration", this::deleteStorageConfiguration);
        r.read("ListStorageConfigurations", this::listStorageConfigurations);
    }

    ObjectNode createEncoderConfiguration(ObjectNode in, RegionStore s, Instant now) {
        s.encoders.checkQuota(quotas);
        JsonNode v = in.path("video");
        int width = v.path("width").asInt(1280);
        int height = v.path("height").asInt(720);
        double framerate = v.path("framerate").asDouble(30);
        int bitrate = v.path("bitrate").asInt(2_500_000);
        if (width % 2 != 0 || height % 2 != 0) {
            throw IvsException.validation("video: width and height must be even, got " + width + "x" + height);
        }
        if ((long) width * height > 2_073_600L) {
            throw IvsException.validation("video: width*height must be at most 2073600 (1920x1080 or 1080x1920), got "
                    + width + "x" + height);
        }
        Encoder e = new Encoder(s.arn("encoder-configuration"), s.nextSeq(), Json.text(in, "name", ""),
                Resource.tagsOf(in), width, height, framerate, bitrate);
        s.encoders.add(e);
        return Json.wrap("encoderConfiguration", e.full());
    }

    ObjectNode getEncoderConfiguration(ObjectNode in, RegionStore s, Instant now) {
        return Json.wrap("encoderConfiguration", s.encoders.require(Json.text(in, "arn", null)).full());
    }

    ObjectNode deleteEncoderConfiguration(ObjectNode in, RegionStore s, Instant now) {
        return deleteUnused(s.encoders, in, s, now);
    }

    ObjectNode listEncoderConfigurations(ObjectNode in, RegionStore s, Instant now) {
        return Pager.list(in, "encoderConfigurations", s.encoders, 100, r -> true, Resource::base);
    }

    ObjectNode createStorageConfiguration(ObjectNode in, RegionStore s, Instant now) {
        String bucket = in.path("s3").path("bucketName").asText();
        BucketNames.check("s3.bucketName", bucket);
        s.storages.checkQuota(quotas);
        Storage st = new Storage(s.arn("storage-configuration"), s.nextSeq(), Json.text(in, "name", ""),
                Resource.tagsOf(in), bucket);
        s.storages.add(st);
        return Json.wrap("storageConfiguration", st.full());
    }

    ObjectNode getStorageConfiguration(ObjectNode in, RegionStore s, Instant now) {
        return Json.wrap("storageConfiguration", s.storages.require(Json.text(in, "arn", null)).full());
    }

    ObjectNode deleteStorageConfiguration(ObjectNode in, RegionStore s, Instant now) {
        return deleteUnused(s.storages, in, s, now);
    }

    ObjectNode listStorageConfigurations(ObjectNode in, RegionStore s, Instant now) {
        return Pager.list(in, "storageConfigurations", s.storages, 100, r -> true, Storage::full);
    }

    /** Deletes an encoder or storage configuration unless a running composition uses it. */
    private static <R extends Resource> ObjectNode deleteUnused(Table<R> table, ObjectNode in, RegionStore s, Instant now) {
        R r = table.require(Json.text(in, "arn", null));
        s.purgeEndedCompositions(now);
        for (Composition c : s.compositions.values()) {
            if (c.uses(r.arn)) {
                throw IvsException.conflict(table.label + " " + r.arn + " is used by composition " + c.arn);
            }
        }
        table.remove(r);
        return Json.obj();
    }
}
