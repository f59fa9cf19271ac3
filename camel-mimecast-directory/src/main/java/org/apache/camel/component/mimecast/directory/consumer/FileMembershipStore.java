package org.apache.camel.component.mimecast.directory.consumer;

import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The {@code stateFile=} store: a snapshot of every group's members plus an append-only journal of the exchanges
 * completed since.
 * <ul>
 * <li>{@code <stateFile>}: gzip'd JSON {@code {"format":..., "groups":{groupId:[identity...]}, "pending":{...}}}
 * (pending: identities of exchanges begun and not committed, see {@link MembershipStore#begin}), only ever replaced
 * whole (temporary file, fsync, atomic rename, fsync of the directory): a crash leaves the old or the new one.</li>
 * <li>{@code <stateFile>.journal}: one JSON line per exchange begun ({@code {"g":..,"p":[..]}}) and per exchange
 * completed ({@code {"g":..,"a":[..],"r":[..]}}), fsync'd
 * before the next exchange is emitted. Replaying it is idempotent (set additions and removals in order), so a crash
 * between a snapshot and the journal's truncation is harmless. A torn last line is an exchange whose write did not
 * complete: it is dropped and that exchange is delivered again.</li>
 * <li>{@code <stateFile>.lock}: an OS file lock held while the store is open, so that a second JVM fails at start-up
 * instead of interleaving writes (the lock goes with the process, also on kill -9).</li>
 * </ul>
 * The journal is folded into the snapshot at the end of each group's poll.
 */
final class FileMembershipStore extends MemoryMembershipStore {

    static final String FORMAT = "camel-mimecast-directory/members/1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path snapshot;
    private final Path journal;
    private final Path lockFile;
    private FileChannel lockChannel;
    private FileLock lock;
    // Classic file I/O, not a FileChannel: Camel stops a polling consumer by interrupting its thread, and an interrupt
    // closes a FileChannel for good, for every route sharing this store.
    private RandomAccessFile journalFile;
    private boolean journalDirty;

    FileMembershipStore(Path snapshot) {
        this.snapshot = snapshot;
        this.journal = snapshot.resolveSibling(snapshot.getFileName() + ".journal");
        this.lockFile = snapshot.resolveSibling(snapshot.getFileName() + ".lock");
        open();
    }

    private void open() {
        try {
            Path dir = snapshot.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                lock = lockChannel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                lockChannel.close();
                throw new MembershipStateException(
                        "The state file " + snapshot + " is in use by another process (it holds " + lockFile
                                                   + "). Two JVMs must not share a stateFile: give each its own");
            }
            readSnapshot();
            replayJournal();
            journalFile = new RandomAccessFile(journal.toFile(), "rw");
            journalFile.seek(journalFile.length());
        } catch (IOException e) {
            close();
            throw new MembershipStateException("Cannot open the state file " + snapshot + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void readSnapshot() throws IOException {
        if (!Files.exists(snapshot)) {
            return;
        }
        if (Files.size(snapshot) == 0) {
            throw corrupt(snapshot, "it is empty", null);
        }
        if (LegacyStateFile.looksLikeOne(snapshot)) {
            // Written by the earlier FileStateRepository-based stateFile: imported, rewritten at the next compaction.
            groups.putAll(LegacyStateFile.read(snapshot, this::corrupt));
            journalDirty = true;
            return;
        }
        // The tree model, not data binding: nothing to register for reflection in a native image.
        try (InputStream in = new GZIPInputStream(Files.newInputStream(snapshot))) {
            JsonNode root = JSON.readTree(in);
            JsonNode read = root == null ? null : root.get("groups");
            if (!FORMAT.equals(root == null ? null : root.path("format").asText(null)) || read == null
                    || !read.isObject()) {
                throw corrupt(snapshot, "it is not a " + FORMAT + " file", null);
            }
            read.fields().forEachRemaining(group -> groups.put(group.getKey(), strings(group.getValue(), snapshot)));
            JsonNode uncommitted = root.path("pending");
            if (uncommitted.isObject()) {
                uncommitted.fields().forEachRemaining(
                        group -> pending.put(group.getKey(), strings(group.getValue(), snapshot)));
            }
        } catch (IOException e) {
            throw corrupt(snapshot, e.getMessage(), e);
        }
    }

    private void replayJournal() throws IOException {
        if (!Files.exists(journal)) {
            return;
        }
        byte[] bytes = Files.readAllBytes(journal);
        int start = 0;
        int line = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
                String text = new String(bytes, start, i - start, StandardCharsets.UTF_8);
                JsonNode entry;
                try {
                    entry = JSON.readTree(text);
                } catch (JsonProcessingException e) {
                    throw corrupt(journal, "line " + line + " is not a journal entry", e);
                }
                if (entry == null || !entry.path("g").isTextual()) {
                    throw corrupt(journal, "line " + line + " is not a journal entry", null);
                }
                if (entry.has("p")) {
                    super.begin(entry.get("g").asText(), strings(entry.path("p"), journal));
                } else {
                    super.apply(entry.get("g").asText(), strings(entry.path("a"), journal),
                            strings(entry.path("r"), journal));
                }
                start = i + 1;
            }
        }
        if (start < bytes.length) {
            // A write cut short by a crash: that exchange was not committed, drop it so appends start on a new line.
            try (FileChannel channel = FileChannel.open(journal, StandardOpenOption.WRITE)) {
                channel.truncate(start);
                channel.force(true);
            }
        }
        journalDirty |= start > 0;
    }

    /** A JSON array of strings (absent: empty). */
    private Set<String> strings(JsonNode array, Path file) {
        Set<String> values = new LinkedHashSet<>();
        if (array.isMissingNode()) {
            return values;
        }
        if (!array.isArray()) {
            throw corrupt(file, "a member list is not an array", null);
        }
        for (JsonNode value : array) {
            if (!value.isTextual()) {
                throw corrupt(file, "a member is not a string", null);
            }
            values.add(value.asText());
        }
        return values;
    }

    MembershipStateException corrupt(Path file, String why, Throwable cause) {
        return new MembershipStateException(
                "The consumer state file " + file + " is unreadable (" + why + "); it was left unchanged and nothing "
                                            + "was emitted. Way out: stop every route using stateFile " + snapshot
                                            + ", then restore the file from a backup, or delete " + snapshot + " and "
                                            + journal + " to start over (the next poll then reports every current "
                                            + "member as ADDED once)",
                cause);
    }

    @Override
    String describe(String groupId) {
        return "stateFile " + snapshot;
    }

    @Override
    synchronized void apply(String groupId, Collection<String> added, Collection<String> removed) {
        appendToJournal(groupId, json -> {
            writeArray(json, "a", added);
            writeArray(json, "r", removed);
        });
        super.apply(groupId, added, removed);
    }

    @Override
    synchronized void begin(String groupId, Collection<String> identities) {
        if (pending(groupId).containsAll(identities)) {
            return; // the same exchange again (its route keeps failing): already durable, the journal need not grow
        }
        appendToJournal(groupId, json -> writeArray(json, "p", identities));
        super.begin(groupId, identities);
    }

    /** Appends one fsync'd line {@code {"g":groupId, ...}} to the journal. */
    private void appendToJournal(String groupId, JournalFields fields) {
        try {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            try (JsonGenerator json = JSON.getFactory().createGenerator(line)) {
                json.writeStartObject();
                json.writeStringField("g", groupId);
                fields.write(json);
                json.writeEndObject();
            }
            line.write('\n');
            journalFile.write(line.toByteArray());
            journalFile.getFD().sync();
        } catch (IOException e) {
            throw new MembershipStateException("Cannot write the state journal " + journal + ": " + e, e);
        }
        journalDirty = true;
    }

    @FunctionalInterface
    private interface JournalFields {
        void write(JsonGenerator json) throws IOException;
    }

    @Override
    synchronized void completePoll(String groupId) {
        if (journalDirty) {
            writeSnapshot();
        }
    }

    private void writeSnapshot() {
        Path temp = snapshot.resolveSibling(snapshot.getFileName() + ".tmp");
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (JsonGenerator json = JSON.getFactory().createGenerator(new GZIPOutputStream(bytes))) {
                json.writeStartObject();
                json.writeStringField("format", FORMAT);
                json.writeObjectFieldStart("groups");
                for (Map.Entry<String, Set<String>> group : new TreeMap<>(groups).entrySet()) {
                    writeArray(json, group.getKey(), group.getValue());
                }
                json.writeEndObject();
                if (!pending.isEmpty()) {
                    json.writeObjectFieldStart("pending");
                    for (Map.Entry<String, Set<String>> group : new TreeMap<>(pending).entrySet()) {
                        writeArray(json, group.getKey(), group.getValue());
                    }
                    json.writeEndObject();
                }
                json.writeEndObject();
            }
            try (FileOutputStream out = new FileOutputStream(temp.toFile())) {
                out.write(bytes.toByteArray());
                out.getFD().sync();
            }
            Files.move(temp, snapshot, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory();
            // Only now may the journal go: the snapshot holds everything it said.
            journalFile.setLength(0);
            journalFile.seek(0);
            journalFile.getFD().sync();
            journalDirty = false;
        } catch (IOException e) {
            throw new MembershipStateException("Cannot write the state file " + snapshot + ": " + e.getMessage(), e);
        }
    }

    private static void writeArray(JsonGenerator json, String name, Collection<String> values) throws IOException {
        json.writeArrayFieldStart(name);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    private void syncDirectory() {
        Path dir = snapshot.toAbsolutePath().getParent();
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not every OS lets a directory be opened; the rename is still atomic there.
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (journalFile != null) {
                journalFile.close();
            }
            if (lock != null) {
                lock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException e) {
            // closing: nothing left to protect
        }
    }
}
