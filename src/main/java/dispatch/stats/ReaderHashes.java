package dispatch.stats;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Map;

/**
 * Readers known by a hash of their address and User-Agent with a salt that changes every day and
 * is never written outside the database of a cluster (which shares it, so that every replica
 * hashes one reader alike); no address is ever stored. A reader polling again is not hashed again.
 */
final class ReaderHashes {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Long> recent;
    private byte[] salt;

    /** Hashes with {@code salt}, remembering the latest {@code max} readers. */
    ReaderHashes(byte[] salt, int max) {
        this.salt = salt;
        this.recent = new RecentMap<>(max);
    }

    /** The hash of the reader at {@code address} with {@code userAgent}. */
    long of(String address, String userAgent) {
        return recent.computeIfAbsent(address + "\n" + userAgent, k -> hash(address, userAgent));
    }

    /** How many readers' hashes are remembered. */
    int size() {
        return recent.size();
    }

    /** Starts a new day with {@code newSalt}: every reader hashes anew. */
    void resalt(byte[] newSalt) {
        salt = newSalt;
        recent.clear();
    }

    /** A random salt. */
    static byte[] freshSalt() {
        byte[] s = new byte[32];
        RANDOM.nextBytes(s);
        return s;
    }

    /** The first 8 bytes of SHA-256(salt, address, User-Agent). */
    private long hash(String address, String userAgent) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(String.valueOf(address).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(String.valueOf(userAgent).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(sha.digest()).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
