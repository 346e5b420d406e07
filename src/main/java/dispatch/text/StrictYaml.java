package dispatch.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads a YAML mapping into a class, strictly: unknown keys, values of the wrong type and
 * fractions where whole numbers are wanted are refused, with a message that names the key in the
 * publisher's words rather than Java's.
 */
public final class StrictYaml {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    private StrictYaml() {
    }

    /**
     * Reads {@code yaml} into {@code type}; empty when the document is empty or only comments.
     *
     * @param keyNoun what a key is called in messages, such as "front matter key"
     * @param knownKeys the keys {@code type} has, listed in the message about an unknown key
     * @throws TextException if the YAML is malformed, not a mapping, or has an unknown or mistyped key
     */
    public static <T> Optional<T> read(String yaml, Class<T> type, String keyNoun, String knownKeys) throws TextException {
        return read(yaml, 1, type, keyNoun, knownKeys);
    }

    /**
     * Reads {@code yaml}, whose first line is line {@code firstLine} of its file, into
     * {@code type}; every message names the line at fault, as {@code (line N)}.
     *
     * @throws TextException if the YAML is malformed, not a mapping, or has an unknown or mistyped key
     */
    public static <T> Optional<T> read(String yaml, int firstLine, Class<T> type, String keyNoun, String knownKeys) throws TextException {
        JsonNode tree;
        try {
            tree = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            throw new TextException("not valid YAML: " + e.getOriginalMessage() + at(line < 1 ? -1 : firstLine - 1 + line), e);
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            return Optional.empty();
        }
        if (!tree.isObject()) {
            throw new TextException("must be a mapping of keys to values (key: value), not a " + tree.getNodeType().name().toLowerCase(java.util.Locale.ROOT), null);
        }
        try {
            return Optional.ofNullable(YAML.treeToValue(tree, type));
        } catch (UnrecognizedPropertyException e) {
            throw new TextException("unknown " + keyNoun + " '" + e.getPropertyName() + "' (known: " + knownKeys + ")"
                    + at(lineOf(yaml, firstLine, e.getPropertyName())), e);
        } catch (MismatchedInputException e) {
            String key = key(e);
            throw new TextException(keyNoun + " '" + key + "' " + expected(e.getTargetType()) + at(lineOf(yaml, firstLine, key)), e);
        } catch (JsonProcessingException e) {
            throw new TextException(e.getOriginalMessage(), e);
        }
    }

    /**
     * The line of the file on which top-level {@code key} of {@code yaml} (whose first line is
     * line {@code firstLine}) stands, or -1 when it is not found.
     */
    public static int lineOf(String yaml, int firstLine, String key) {
        String top = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
        String[] lines = yaml.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith(top) && line.substring(top.length()).stripLeading().startsWith(":")
                    || line.startsWith("\"" + top + "\"") || line.startsWith("'" + top + "'")) {
                return firstLine + i;
            }
        }
        return -1;
    }

    /** " (line N)", or nothing when the line is not known. */
    public static String at(int line) {
        return line < 1 ? "" : " (line " + line + ")";
    }

    private static String key(MismatchedInputException e) {
        return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "has a value of the wrong kind";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "must be a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "must be a list of text";
        }
        return "must be text";
    }
}
