package dev.parley.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses one manifest into fabric8's typed Kubernetes model and reports every field the model does not
 * know. The model keeps unknown fields in {@code additionalProperties} instead of failing (so a typo such
 * as {@code volumes} inside a container would pass a plain parse); this walks the whole object tree and
 * lists them, with their path.
 */
final class StrictModel {
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final String MODEL_PACKAGE = "io.fabric8.kubernetes.api.model";

    private StrictModel() {
    }

    /** A typed resource, or an AssertionError naming the unknown kind or fields. */
    static HasMetadata parse(String yaml) {
        HasMetadata resource = SERIALIZATION.unmarshal(yaml, HasMetadata.class);
        if (resource == null) throw new AssertionError("empty document");
        String what = resource.getKind() + "/" + (resource.getMetadata() == null ? "?" : resource.getMetadata().getName());
        if (resource instanceof GenericKubernetesResource) {
            throw new AssertionError(what + ": " + resource.getApiVersion() + " " + resource.getKind()
                    + " is not a kind the Kubernetes model knows");
        }
        List<String> unknown = unknownFields(resource);
        if (!unknown.isEmpty()) throw new AssertionError(what + ": unknown fields " + unknown);
        return resource;
    }

    static List<String> unknownFields(Object root) {
        List<String> out = new ArrayList<>();
        walk(root, "", out, new IdentityHashMap<>());
        return out;
    }

    private static void walk(Object node, String path, List<String> out, IdentityHashMap<Object, Boolean> seen) {
        if (node == null || seen.put(node, Boolean.TRUE) != null) return;
        if (node instanceof Collection<?> list) {
            int i = 0;
            for (Object item : list) walk(item, path + "[" + i++ + "]", out, seen);
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "[" + k + "]", out, seen));
            return;
        }
        if (!node.getClass().getName().startsWith(MODEL_PACKAGE)) return;
        for (Method m : node.getClass().getMethods()) {
            if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers())) continue;
            String name = m.getName();
            if (!name.startsWith("get") || name.equals("getClass")) continue;
            Object value;
            try {
                value = m.invoke(node);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            if (name.equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    extra.keySet().forEach(k -> out.add(path + "." + k));
                }
                continue;
            }
            String field = Character.toLowerCase(name.charAt(3)) + name.substring(4);
            walk(value, path + "." + field, out, seen);
        }
    }
}
