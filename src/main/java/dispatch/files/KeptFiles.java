package dispatch.files;

import java.io.IOException;
import java.util.Optional;

/**
 * Small documents kept for each feed between renders and restarts (its validators, its history,
 * its archive pages' validators), each named by a kind and the feed: files in the data folder on
 * one node ({@link DataFolderFiles}), rows in the database that every replica shares in a cluster.
 */
public interface KeptFiles {

    /** The document of {@code kind} kept for {@code feed}, read up to {@code maxBytes}; empty when there is none. */
    Optional<byte[]> read(String kind, String feed, long maxBytes) throws IOException;

    /** Keeps {@code bytes} as the document of {@code kind} for {@code feed}, atomically and durably. */
    void write(String kind, String feed, byte[] bytes) throws IOException;

    /** Forgets the document of {@code kind} for {@code feed}. */
    void delete(String kind, String feed) throws IOException;

    /** Whether other replicas write these documents too: then a reader must not keep what it read. */
    boolean shared();

    /** Where the documents are, for log lines. */
    String where(String kind, String feed);
}
