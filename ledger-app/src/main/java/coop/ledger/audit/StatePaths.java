package coop.ledger.audit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A record's state flattened to field paths, e.g. {@code title}, {@code payments[paid-to-2021].amount}: what the
 * field history and diffs compare. Works on any state record through Jackson, so a new field is audited without
 * code here. Lists of objects are keyed by their id ({@code itemId}, {@code paymentId}, …) so that an entry keeps
 * its path when others are added; lists of plain values are one field, and an empty list is no value. The {@code version} counter is left out:
 * it changes with every event and says nothing of its own.
 */
final class StatePaths {

    private static final List<String> ID_FIELDS = List.of("itemId", "paymentId", "reportId", "partyCode", "code");

    private final JsonMapper json;

    StatePaths(JsonMapper json) {
        this.json = json;
    }

    Map<String, JsonNode> flatten(Object state) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        if (state != null) {
            JsonNode tree = json.valueToTree(state);
            tree.propertyStream()
                    .filter(field -> !field.getKey().equals("version"))
                    .forEach(field -> flatten(field.getKey(), field.getValue(), fields));
        }
        return fields;
    }

    /** The paths whose value differs between two flattened states; a missing path counts as null. */
    static Set<String> changedPaths(Map<String, JsonNode> before, Map<String, JsonNode> after) {
        Set<String> paths = new LinkedHashSet<>(before.keySet());
        paths.addAll(after.keySet());
        paths.removeIf(path -> Objects.equals(valueAt(before, path), valueAt(after, path)));
        return paths;
    }

    static JsonNode valueAt(Map<String, JsonNode> fields, String path) {
        return fields.getOrDefault(path, NullNode.getInstance());
    }

    private static void flatten(String path, JsonNode node, Map<String, JsonNode> fields) {
        if (node.isObject()) {
            node.propertyStream().forEach(field -> flatten(path + "." + field.getKey(), field.getValue(), fields));
        } else if (node.isArray() && node.isEmpty()) {
            // An empty list holds no value yet: its first entry appears as a new field, not as a change of "[]".
            return;
        } else if (node.isArray() && node.valueStream().anyMatch(JsonNode::isContainer)) {
            int index = 0;
            for (JsonNode element : node) {
                flatten(path + "[" + key(element, index++) + "]", element, fields);
            }
        } else {
            fields.put(path, node);
        }
    }

    private static String key(JsonNode element, int index) {
        for (String idField : ID_FIELDS) {
            if (element.path(idField).isString()) {
                return element.path(idField).asString();
            }
        }
        return String.valueOf(index);
    }
}
