package dev.parley.k8s;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The resources of one rendered kustomization, parsed strictly, with the look-ups the tests share. */
record Rendered(String dir, String yaml, List<HasMetadata> resources) {
    static final String PARLEY = "parley";
    static final String PARLEY_CONTAINER = "parley";
    static final String CONFIG_FILE_KEY = "parley.yaml";
    private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");

    static Rendered parse(String dir, String yaml) {
        List<HasMetadata> resources = new ArrayList<>();
        for (String doc : DOCUMENT_SEPARATOR.split(yaml)) {
            if (doc.isBlank()) continue;
            try {
                resources.add(StrictModel.parse(doc));
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(dir + ": " + e.getMessage(), e);
            }
        }
        return new Rendered(dir, yaml, List.copyOf(resources));
    }

    <T extends HasMetadata> List<T> all(Class<T> kind) {
        return resources.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    /** By exact name (references in a render already carry the generators' hash suffixes). */
    <T extends HasMetadata> Optional<T> find(Class<T> kind, String name) {
        return all(kind).stream().filter(r -> r.getMetadata().getName().equals(name)).findFirst();
    }

    <T extends HasMetadata> T get(Class<T> kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError(dir + ": no " + kind.getSimpleName() + " " + name));
    }

    StatefulSet parley() {
        return get(StatefulSet.class, PARLEY);
    }

    PodSpec parleyPod() {
        return parley().getSpec().getTemplate().getSpec();
    }

    Container parleyContainer() {
        return parleyPod().getContainers().stream().filter(c -> c.getName().equals(PARLEY_CONTAINER)).findFirst()
                .orElseThrow(() -> new AssertionError(dir + ": no container " + PARLEY_CONTAINER));
    }

    /** The parley.yaml the pod mounts at /etc/parley (the ConfigMap of its "config" volume). */
    String mountedConfigFile() {
        String name = parleyPod().getVolumes().stream().filter(v -> v.getConfigMap() != null).findFirst()
                .orElseThrow(() -> new AssertionError(dir + ": no ConfigMap volume")).getConfigMap().getName();
        String data = get(ConfigMap.class, name).getData().get(CONFIG_FILE_KEY);
        if (data == null) throw new AssertionError(dir + ": ConfigMap " + name + " has no " + CONFIG_FILE_KEY);
        return data;
    }

    String secretValue(String name, String key) {
        Secret s = get(Secret.class, name);
        if (s.getStringData() != null && s.getStringData().containsKey(key)) return s.getStringData().get(key);
        String b64 = s.getData() == null ? null : s.getData().get(key);
        if (b64 == null) throw new AssertionError(dir + ": Secret " + name + " has no key " + key);
        return new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
    }

    String configMapValue(String name, String key) {
        String v = get(ConfigMap.class, name).getData().get(key);
        if (v == null) throw new AssertionError(dir + ": ConfigMap " + name + " has no key " + key);
        return v;
    }

    /** A container port by name or number, as probes and Services name it. */
    static int containerPort(Container c, IntOrString port) {
        if (port.getIntVal() != null) return port.getIntVal();
        return c.getPorts().stream().filter(p -> port.getStrVal().equals(p.getName())).findFirst()
                .map(ContainerPort::getContainerPort)
                .orElseThrow(() -> new AssertionError("container " + c.getName() + " has no port named " + port.getStrVal()));
    }

    static int namedPort(Container c, String name) {
        return containerPort(c, new IntOrString(name));
    }

    boolean has(Class<? extends HasMetadata> kind) {
        return !all(kind).isEmpty();
    }

    Service service(String name) {
        return get(Service.class, name);
    }
}
