package community.ivsrealtime.cli.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Reads and writes the {@link DeployState} file. Every write goes to a temporary file in the same directory,
 * created readable and writable by its owner only (the state holds stream keys), forced to disk, then renamed
 * over the state file in one atomic move: a reader (or the next run after a {@code kill -9}) sees either the
 * previous state or the new one, never half of one.
 */
public final class StateStore {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path file;

    public StateStore(final Path file) {
        this.file = file.toAbsolutePath();
    }

    public Path file() {
        return file;
    }

    /** The directory next to the state file where the in-process endpoint keeps its resources. */
    public Path endpointDir() {
        final String name = file.getFileName().toString().replaceFirst("\\.json$", "");
        return file.resolveSibling(name + "-endpoint");
    }

    /** Held while a command works on the state; {@link #lock} fails while another process holds it. */
    public static final class Lock implements AutoCloseable {
        private final FileChannel channel;
        private final java.nio.channels.FileLock lock;

        private Lock(final FileChannel channel, final java.nio.channels.FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public void close() {
            try {
                lock.release();
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Locks the state against other {@code ivsrt} processes (a lock file next to it; the operating system releases
     * it if the process dies). Fails at once, naming the file, when another process holds it.
     */
    public Lock lock() {
        try {
            Files.createDirectories(file.getParent());
            final Path lockFile = file.resolveSibling("." + file.getFileName() + ".lock");
            final FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            final java.nio.channels.FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException e) {
                channel.close();
                throw new IllegalStateException("the deploy state " + file + " is in use by another command in this "
                    + "process");
            }
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("the deploy state " + file + " is in use by another ivsrt command ("
                    + lockFile + " is locked); wait for it to finish");
            }
            return new Lock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock the deploy state " + file + ": " + e.getMessage(), e);
        }
    }

    public boolean exists() {
        return Files.isRegularFile(file);
    }

    /** The saved state, or an empty one when there is no state file yet. */
    public DeployState load() {
        if (!exists()) {
            return new DeployState();
        }
        try {
            return JSON.readValue(file.toFile(), DeployState.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the deploy state " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code state} atomically (temporary file, fsync, rename), owner-only permissions. */
    public void save(final DeployState state) {
        try {
            Files.createDirectories(file.getParent());
            final Path temp = POSIX
                ? Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
            try {
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING); OutputStream out = java.nio.channels.Channels
                    .newOutputStream(channel)) {
                    out.write(JSON.writeValueAsBytes(state));
                    out.flush();
                    channel.force(true);
                }
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the deploy state " + file + ": " + e.getMessage(), e);
        }
    }
}
