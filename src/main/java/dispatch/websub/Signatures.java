package dispatch.websub;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** {@code X-Hub-Signature} values: {@code <algorithm>=<hex HMAC of the exact body>}, keyed with the subscriber's secret. */
final class Signatures {

    private static final Map<String, String> MACS = Map.of(
            "sha1", "HmacSHA1", "sha256", "HmacSHA256", "sha384", "HmacSHA384", "sha512", "HmacSHA512");

    private final String algorithm;
    private final String mac;

    /**
     * Signatures with {@code algorithm}: sha1, sha256, sha384 or sha512.
     *
     * @throws IllegalArgumentException for any other
     */
    Signatures(String algorithm) {
        this.algorithm = algorithm.toLowerCase(Locale.ROOT);
        this.mac = MACS.get(this.algorithm);
        if (mac == null) {
            throw new IllegalArgumentException("dispatch.websub.signature-algorithm must be one of sha1, sha256, sha384, sha512, was '"
                    + algorithm + "'");
        }
    }

    /** The {@code X-Hub-Signature} of {@code body} (read from its position, which is left as it was) under {@code secret}. */
    String sign(String secret, ByteBuffer body) {
        try {
            Mac hmac = Mac.getInstance(mac);
            hmac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), mac));
            hmac.update(body.duplicate());
            return algorithm + "=" + HexFormat.of().formatHex(hmac.doFinal());
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every Java runtime has " + mac, e);
        }
    }
}
