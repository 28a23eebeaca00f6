package dev.parley.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment and arguments the kubelet gives a container: values from the manifest, fieldRefs from
 * the pod, secretKeyRef/configMapKeyRef from the rendered objects, and {@code $(VAR)} expanded from the
 * variables defined before it ({@code $$} escapes, unknown references stay as written).
 */
final class PodEnvironment {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\$|\\$\\(([A-Za-z_][A-Za-z0-9_.-]*)\\)");

    /**
     * The Secrets an operator creates with kubectl before applying (docs/operations.md#secrets); they are
     * never rendered, so no password is committed. "name/key" -> the value this test gives them.
     */
    static final Map<String, String> OPERATOR_SECRETS = Map.of(
            "parley-redis-auth/password", "a-test-redis-password-" + Long.toHexString(System.nanoTime()),
            "parley-cluster/name", "parley-test-" + Long.toHexString(System.nanoTime()));

    private PodEnvironment() {
    }

    private static String secret(Rendered r, String name, String key) {
        if (r.has(io.fabric8.kubernetes.api.model.Secret.class)
                && r.find(io.fabric8.kubernetes.api.model.Secret.class, name).isPresent()) {
            return r.secretValue(name, key);
        }
        String v = OPERATOR_SECRETS.get(name + "/" + key);
        if (v == null) throw new AssertionError("Secret " + name + " (key " + key + ") is neither rendered nor one operators create");
        return v;
    }

    /** @param fields the pod's downward-API values by fieldPath, e.g. status.podIP */
    static Map<String, String> env(Rendered r, Container c, Map<String, String> fields) {
        if (c.getEnvFrom() != null && !c.getEnvFrom().isEmpty()) {
            throw new AssertionError("envFrom is not resolved by this test; list variables one by one");
        }
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvVar v : c.getEnv()) {
            env.put(v.getName(), v.getValueFrom() == null ? expand(v.getValue() == null ? "" : v.getValue(), env)
                    : source(r, v.getName(), v.getValueFrom(), fields));
        }
        return env;
    }

    static List<String> args(Container c, Map<String, String> env) {
        List<String> args = c.getArgs() == null ? List.of() : c.getArgs();
        return args.stream().map(a -> expand(a, env)).toList();
    }

    static String expand(String value, Map<String, String> defined) {
        Matcher m = REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group().equals("$$")) replacement = "$";
            else replacement = defined.getOrDefault(m.group(1), m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String source(Rendered r, String name, EnvVarSource s, Map<String, String> fields) {
        if (s.getFieldRef() != null) {
            String path = s.getFieldRef().getFieldPath();
            String v = fields.get(path);
            if (v == null) throw new AssertionError(name + ": fieldRef " + path + " is not provided by this test");
            return v;
        }
        if (s.getSecretKeyRef() != null) return secret(r, s.getSecretKeyRef().getName(), s.getSecretKeyRef().getKey());
        if (s.getConfigMapKeyRef() != null) {
            return r.configMapValue(s.getConfigMapKeyRef().getName(), s.getConfigMapKeyRef().getKey());
        }
        throw new AssertionError(name + ": unsupported valueFrom " + s);
    }
}
