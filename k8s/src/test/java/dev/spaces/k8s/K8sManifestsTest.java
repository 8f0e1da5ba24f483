package dev.spaces.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Renders k8s/overlays/dev and …/prod with a real kustomize and checks what a cluster would receive: hardened,
 * probed and sized containers; no credentials in the manifests; Services, budgets and autoscalers that find their
 * pods; NetworkPolicies around every workload; the images the build produces; every environment variable the
 * services read.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class K8sManifestsTest {

    private static final Path PROJECT = Path.of(System.getProperty("spaces.project.dir", "..")).toAbsolutePath().normalize();
    private static final Path WORK = Path.of(System.getProperty("spaces.k8s.work-dir", "target/k8s-test"));
    /** Secrets may carry data only when annotated so (role definitions and the like, never credentials). */
    static final String NON_SENSITIVE = "spaces.dev/non-sensitive";
    private static final Pattern SENSITIVE_NAME = Pattern.compile("(?i).*(password|passwd|secret|token|credential|api.?key|private.?key).*");
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{(SPACES_[A-Z0-9_]+)");
    private static final Set<String> INGRESS_FACING = Set.of("gateway", "keycloak");
    /**
     * Set for a setting that is being added on another branch (none now).
     */
    private static final Set<String> NOT_YET_READ = Set.of();

    private final Map<String, Rendered> overlays = new HashMap<>();

    @BeforeAll
    void render() {
        Kustomize kustomize = Kustomize.find(PROJECT, WORK);
        System.out.println("Rendering with " + kustomize.description());
        for (String overlay : List.of("dev", "prod")) {
            overlays.put(overlay, Rendered.parse(overlay, kustomize.build(PROJECT.resolve("k8s/overlays").resolve(overlay))));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void renders_the_four_services_the_reader_site_and_the_data_stores(String overlay) {
        Rendered r = overlays.get(overlay);
        assertThat(r.all(Deployment.class)).extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrder("content-service", "comment-service", "search-service", "gateway", "site");
        for (String kind : List.of("Cluster", "Elasticsearch", "Keycloak", "KeycloakRealmImport")) {
            assertThat(r.custom(kind)).as(overlay + " " + kind).hasSize(1);
        }
        assertThat(r.custom("Database")).extracting(d -> Rendered.at(d, "name"))
                .containsExactlyInAnyOrder("spaces_comment", "keycloak");
        assertThat(Rendered.at(r.single("Cluster"), "bootstrap", "initdb", "database")).isEqualTo("spaces_content");
        assertThat(Rendered.at(r.single("Elasticsearch"), "version")).isEqualTo("9.5.3");
        assertThat(r.objects()).allSatisfy(o -> assertThat(o.getMetadata().getNamespace())
                .as(o.getKind() + " " + o.getMetadata().getName())
                .isEqualTo(o.getKind().equals("Namespace") ? null : namespaceOf(overlay)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void every_container_is_probed_sized_and_hardened(String overlay) {
        for (Deployment d : overlays.get(overlay).all(Deployment.class)) {
            String name = d.getMetadata().getName();
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            assertThat(pod.getAutomountServiceAccountToken()).as(name + " automount").isFalse();
            assertThat(pod.getServiceAccountName()).as(name + " service account").isEqualTo(name);
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(name + " pod runAsNonRoot").isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).as(name + " uid").isPositive();
            assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
            assertThat(pod.getAffinity().getPodAntiAffinity()).as(name + " anti-affinity").isNotNull();
            assertThat(Stream.concat(pod.getContainers().stream(), pod.getInitContainers().stream()).toList())
                    .isNotEmpty()
                    .allSatisfy(c -> {
                        String what = name + "/" + c.getName();
                        assertHardened(what, c);
                        assertProbe(what + " startup", c.getStartupProbe(), "/q/health/started");
                        assertProbe(what + " readiness", c.getReadinessProbe(), "/q/health/ready");
                        assertProbe(what + " liveness", c.getLivenessProbe(), "/q/health/live");
                        assertThat(c.getLifecycle().getPreStop().getSleep().getSeconds()).as(what + " preStop")
                                .isPositive().isLessThan(pod.getTerminationGracePeriodSeconds().intValue());
                        assertThat(c.getVolumeMounts()).as(what + " writable /tmp")
                                .anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/tmp"));
                    });
        }
        // the containers we add to the operators' pods follow the same rules where we control them
        GenericKubernetesResource es = overlays.get(overlay).single("Elasticsearch");
        List<?> init = (List<?>) Rendered.at(es, "nodeSets", 0, "podTemplate", "spec", "initContainers");
        assertThat(init).hasSize(2).allSatisfy(c -> {
            Container container = Rendered.YAML.convertValue(c, Container.class);
            assertThat(container.getResources().getRequests()).as(container.getName()).containsKeys("cpu", "memory");
            assertThat(container.getResources().getLimits()).as(container.getName()).containsKeys("cpu", "memory");
        });
    }

    private static void assertHardened(String what, Container c) {
        assertThat(c.getResources().getRequests()).as(what + " requests").containsKeys("cpu", "memory");
        assertThat(c.getResources().getLimits()).as(what + " limits").containsKeys("cpu", "memory");
        var sc = c.getSecurityContext();
        assertThat(sc).as(what + " securityContext").isNotNull();
        assertThat(sc.getRunAsNonRoot()).as(what + " runAsNonRoot").isTrue();
        assertThat(sc.getReadOnlyRootFilesystem()).as(what + " readOnlyRootFilesystem").isTrue();
        assertThat(sc.getAllowPrivilegeEscalation()).as(what + " allowPrivilegeEscalation").isFalse();
        assertThat(sc.getCapabilities().getDrop()).as(what + " dropped capabilities").containsExactly("ALL");
        assertThat(sc.getCapabilities().getAdd()).as(what + " added capabilities").isNullOrEmpty();
        assertThat(sc.getPrivileged()).as(what + " privileged").isNotEqualTo(Boolean.TRUE);
    }

    private static void assertProbe(String what, Probe probe, String path) {
        assertThat(probe).as(what).isNotNull();
        assertThat(probe.getHttpGet()).as(what + " httpGet").isNotNull();
        assertThat(probe.getHttpGet().getPath()).as(what + " path").isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).as(what + " port").isEqualTo("http");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void no_credentials_are_in_the_manifests(String overlay) {
        Rendered r = overlays.get(overlay);
        for (Secret s : r.all(Secret.class)) {
            boolean hasData = (s.getData() != null && !s.getData().isEmpty())
                    || (s.getStringData() != null && !s.getStringData().isEmpty());
            if (!hasData) {
                continue;
            }
            Map<String, String> annotations = Objects.requireNonNullElse(s.getMetadata().getAnnotations(), Map.of());
            assertThat(annotations).as("Secret " + s.getMetadata().getName()
                    + " holds data: only documented non-sensitive Secrets may").containsKey(NON_SENSITIVE);
            Map<String, String> all = new HashMap<>();
            if (s.getData() != null) all.putAll(s.getData());
            if (s.getStringData() != null) all.putAll(s.getStringData());
            assertThat(all.keySet()).as("keys of non-sensitive Secret " + s.getMetadata().getName())
                    .noneMatch(k -> SENSITIVE_NAME.matcher(k).matches());
            assertThat(all.values()).noneMatch(v -> v.contains("password") || v.contains("whsec_"));
        }
        for (ConfigMap cm : r.all(ConfigMap.class)) {
            Objects.requireNonNullElse(cm.getData(), Map.<String, String>of()).forEach((k, v) -> {
                assertThat(k).as("ConfigMap " + cm.getMetadata().getName() + " key").doesNotMatch(SENSITIVE_NAME);
                assertThat(v).as("ConfigMap " + cm.getMetadata().getName() + "/" + k).doesNotContain("whsec_")
                        // a property file may name a secret only as ${ENV} (filled from a Secret)
                        .doesNotContainPattern("(?m)^[^#\\n]*(secret|password)=(?!\\$\\{)");
            });
        }
        for (Deployment d : r.all(Deployment.class)) {
            for (Container c : d.getSpec().getTemplate().getSpec().getContainers()) {
                for (EnvVar e : Objects.requireNonNullElse(c.getEnv(), List.<EnvVar>of())) {
                    if (SENSITIVE_NAME.matcher(e.getName()).matches()) {
                        assertThat(e.getValue()).as(d.getMetadata().getName() + " env " + e.getName()
                                + " must come from a Secret").isNull();
                        assertThat(e.getValueFrom().getSecretKeyRef()).as(e.getName()).isNotNull();
                    }
                }
            }
        }
    }

    /**
     * A committed file that *is* a Secret with data looks like a leaked credential to every scanner and reviewer,
     * whatever it holds: data that must reach a Secret (ECK's role definitions) is a plain file that kustomize's
     * secretGenerator turns into one when the overlay is rendered.
     */
    @Test
    void no_committed_manifest_is_a_secret_with_data() throws IOException {
        Pattern secretWithData = Pattern.compile("(?m)^kind:\\s*Secret\\s*$[\\s\\S]*^(data|stringData):");
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(PROJECT.resolve("k8s"))) {
            for (Path file : files.filter(f -> f.toString().matches(".*\\.ya?ml$"))
                    .filter(f -> !f.toString().contains("/target/")).toList()) {
                for (String document : Files.readString(file).split("(?m)^---\\s*$")) {
                    if (secretWithData.matcher(document).find()) {
                        offenders.add(PROJECT.relativize(file).toString());
                    }
                }
            }
        }
        assertThat(offenders).as("manifests committed as Secrets with data").isEmpty();
        // the generated one is still rendered, annotated as holding no credential
        for (Rendered r : overlays.values()) {
            assertThat(r.all(Secret.class)).filteredOn(s -> s.getMetadata().getName().equals("spaces-es-roles"))
                    .singleElement().satisfies(s -> assertThat(s.getMetadata().getAnnotations())
                            .containsKey(NON_SENSITIVE));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void services_budgets_and_autoscalers_find_their_pods(String overlay) {
        Rendered r = overlays.get(overlay);
        List<Map<String, String>> podLabels = r.all(Deployment.class).stream()
                .map(d -> d.getSpec().getTemplate().getMetadata().getLabels()).toList();
        for (Deployment d : r.all(Deployment.class)) {
            assertThat(matches(d.getSpec().getSelector(), d.getSpec().getTemplate().getMetadata().getLabels()))
                    .as(d.getMetadata().getName() + " selects its own pods").isTrue();
        }
        for (Service s : r.all(Service.class)) {
            Map<String, String> selector = s.getSpec().getSelector();
            assertThat(selector).as("Service " + s.getMetadata().getName() + " selector").isNotEmpty();
            assertThat(podLabels).as("Service " + s.getMetadata().getName() + " matches a Deployment's pods")
                    .anyMatch(labels -> labels.entrySet().containsAll(selector.entrySet()));
            Deployment target = r.all(Deployment.class).stream()
                    .filter(d -> d.getSpec().getTemplate().getMetadata().getLabels().entrySet().containsAll(selector.entrySet()))
                    .findFirst().orElseThrow();
            Set<String> portNames = new TreeSet<>();
            target.getSpec().getTemplate().getSpec().getContainers().forEach(c -> c.getPorts().forEach(p -> portNames.add(p.getName())));
            s.getSpec().getPorts().forEach(p -> assertThat(portNames).as("Service " + s.getMetadata().getName()
                    + " targetPort").contains(p.getTargetPort().getStrVal()));
        }
        for (PodDisruptionBudget pdb : r.all(PodDisruptionBudget.class)) {
            assertThat(podLabels).as("PDB " + pdb.getMetadata().getName())
                    .anyMatch(labels -> matches(pdb.getSpec().getSelector(), labels));
        }
        Set<String> deployments = new TreeSet<>(r.all(Deployment.class).stream().map(d -> d.getMetadata().getName()).toList());
        for (HorizontalPodAutoscaler hpa : r.all(HorizontalPodAutoscaler.class)) {
            assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
            assertThat(deployments).as("HPA " + hpa.getMetadata().getName()).contains(hpa.getSpec().getScaleTargetRef().getName());
        }
    }

    @Test
    void dev_is_small_and_prod_is_highly_available() {
        Rendered dev = overlays.get("dev");
        Rendered prod = overlays.get("prod");
        assertThat(dev.all(Deployment.class)).allSatisfy(d -> assertThat(d.getSpec().getReplicas()).isEqualTo(1));
        assertThat(dev.all(HorizontalPodAutoscaler.class)).isEmpty();
        assertThat(dev.all(PodDisruptionBudget.class)).isEmpty();
        assertThat(Rendered.at(dev.single("Elasticsearch"), "nodeSets", 0, "count")).isEqualTo(1);
        assertThat(Rendered.at(dev.single("Cluster"), "instances")).isEqualTo(1);

        assertThat(prod.all(Deployment.class)).allSatisfy(d -> assertThat(d.getSpec().getReplicas()).isGreaterThanOrEqualTo(2));
        assertThat(prod.all(HorizontalPodAutoscaler.class)).extracting(h -> h.getSpec().getScaleTargetRef().getName())
                .containsExactlyInAnyOrder("gateway", "content-service", "search-service", "site");
        for (HorizontalPodAutoscaler hpa : prod.all(HorizontalPodAutoscaler.class)) {
            Deployment d = prod.all(Deployment.class).stream()
                    .filter(x -> x.getMetadata().getName().equals(hpa.getSpec().getScaleTargetRef().getName())).findFirst().orElseThrow();
            assertThat(d.getSpec().getReplicas()).as("replicas of " + d.getMetadata().getName() + " = HPA minimum")
                    .isEqualTo(hpa.getSpec().getMinReplicas());
        }
        assertThat(prod.all(PodDisruptionBudget.class)).hasSize(5);
        assertThat(Rendered.at(prod.single("Elasticsearch"), "nodeSets", 0, "count")).isEqualTo(3);
        assertThat(Rendered.at(prod.single("Cluster"), "instances")).isEqualTo(3);
        assertThat(Rendered.at(prod.single("Cluster"), "plugins")).as("WAL archiving").isNotNull();
        assertThat(prod.custom("ScheduledBackup")).hasSize(1);
        Deployment gateway = prod.all(Deployment.class).stream().filter(d -> d.getMetadata().getName().equals("gateway")).findFirst().orElseThrow();
        assertThat(gateway.getSpec().getTemplate().getSpec().getAffinity().getPodAntiAffinity()
                .getRequiredDuringSchedulingIgnoredDuringExecution()).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void network_policies_isolate_every_workload(String overlay) {
        Rendered r = overlays.get(overlay);
        List<NetworkPolicy> policies = r.all(NetworkPolicy.class);
        assertThat(policies).as("default deny of both directions for the whole namespace").anySatisfy(p -> {
            assertThat(p.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
            assertThat(p.getSpec().getPodSelector().getMatchExpressions()).isNullOrEmpty();
            assertThat(p.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
            assertThat(p.getSpec().getIngress()).isNullOrEmpty();
            assertThat(p.getSpec().getEgress()).isNullOrEmpty();
        });
        // every workload, ours and the operators', has its own policy for both directions
        Map<String, Map<String, String>> workloads = new HashMap<>();
        r.all(Deployment.class).forEach(d -> workloads.put(d.getMetadata().getName(), d.getSpec().getTemplate().getMetadata().getLabels()));
        workloads.put("postgres", Map.of("cnpg.io/cluster", r.single("Cluster").getMetadata().getName()));
        workloads.put("elasticsearch", Map.of("elasticsearch.k8s.elastic.co/cluster-name", r.single("Elasticsearch").getMetadata().getName()));
        workloads.put("keycloak", Map.of("app", "keycloak"));
        workloads.forEach((name, labels) -> assertThat(policies).as(name + " has its own NetworkPolicy")
                .anyMatch(p -> !isEmpty(p.getSpec().getPodSelector()) && matches(p.getSpec().getPodSelector(), labels)
                        && p.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress"))));
        // only the gateway and Keycloak (sign-in) accept traffic from the ingress controller
        for (NetworkPolicy p : policies) {
            boolean fromIngressController = Objects.requireNonNullElse(p.getSpec().getIngress(), List.<io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule>of()).stream()
                    .flatMap(rule -> Objects.requireNonNullElse(rule.getFrom(), List.<NetworkPolicyPeer>of()).stream())
                    .anyMatch(peer -> peer.getNamespaceSelector() != null && "ingress-nginx".equals(
                            Objects.requireNonNullElse(peer.getNamespaceSelector().getMatchLabels(), Map.<String, String>of())
                                    .get("kubernetes.io/metadata.name")));
            if (fromIngressController) {
                assertThat(INGRESS_FACING).as("policy " + p.getMetadata().getName() + " opens a pod to the ingress controller")
                        .anyMatch(w -> !isEmpty(p.getSpec().getPodSelector()) && matches(p.getSpec().getPodSelector(), workloads.get(w)));
            }
        }
    }

    @Test
    void images_are_the_ones_the_build_produces() throws Exception {
        String prefix = System.getProperty("spaces.image.prefix");
        String tag = System.getProperty("spaces.image.tag");
        assertThat(prefix).as("spaces.image.prefix from the POM").isNotBlank();
        Set<String> expected = new TreeSet<>();
        for (String module : imageModules()) {
            expected.add(prefix + "/" + module + ":" + tag);
        }
        assertThat(expected).as("modules that build an image").hasSize(6);
        for (Rendered r : overlays.values()) {
            Set<String> used = new TreeSet<>();
            r.all(Deployment.class).forEach(d -> d.getSpec().getTemplate().getSpec().getContainers().forEach(c -> used.add(c.getImage())));
            List<?> init = (List<?>) Rendered.at(r.single("Elasticsearch"), "nodeSets", 0, "podTemplate", "spec", "initContainers");
            init.forEach(c -> {
                Object image = ((Map<?, ?>) c).get("image");
                if (image != null) used.add(image.toString());
            });
            assertThat(used).as(r.overlay() + " images").isEqualTo(expected);
            r.all(Deployment.class).forEach(d -> assertThat(d.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage())
                    .as(d.getMetadata().getName()).isEqualTo(prefix + "/" + d.getMetadata().getName() + ":" + tag));
        }
    }

    /** With the images profile on (CI), every module's image tarball was built, under the name the manifests use. */
    @Test
    void image_tarballs_were_built_without_a_daemon() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue("false".equals(System.getProperty("spaces.image.skip")),
                "images profile off (-Pimages builds them)");
        Path root = PROJECT;
        Document rootPom = xml(root.resolve("pom.xml"));
        NodeList names = rootPom.getElementsByTagName("module");
        int checked = 0;
        for (int i = 0; i < names.getLength(); i++) {
            Path module = root.resolve(names.item(i).getTextContent().trim());
            if (!Files.readString(module.resolve("pom.xml")).contains("<artifactId>jib-maven-plugin</artifactId>")) continue;
            String artifactId = directChild(xml(module.resolve("pom.xml")).getDocumentElement(), "artifactId");
            Path tar = module.resolve("target/jib-image.tar");
            assertThat(tar).as(artifactId + " image tarball").exists();
            var entries = new HashMap<String, byte[]>();
            try (var in = new java.io.BufferedInputStream(Files.newInputStream(tar))) {
                // the docker-archive is a plain tar: read the manifest and the image config
                byte[] header = new byte[512];
                while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
                    String name = new String(header, 0, 100, java.nio.charset.StandardCharsets.US_ASCII).trim().replace("\0", "");
                    name = name.substring(0, name.indexOf(0) < 0 ? name.length() : name.indexOf(0));
                    long size = Long.parseLong(new String(header, 124, 11, java.nio.charset.StandardCharsets.US_ASCII).trim(), 8);
                    byte[] body = (name.endsWith(".json")) ? in.readNBytes((int) size) : null;
                    if (body == null) in.skipNBytes(size);
                    in.skipNBytes((512 - size % 512) % 512);
                    if (body != null) entries.put(name, body);
                }
            }
            var manifest = Rendered.YAML.readTree(entries.get("manifest.json"));
            assertThat(manifest.get(0).get("RepoTags").get(0).asText()).isEqualTo(
                    System.getProperty("spaces.image.prefix") + "/" + artifactId + ":" + System.getProperty("spaces.image.tag"));
            var config = Rendered.YAML.readTree(entries.get(manifest.get(0).get("Config").asText())).get("config");
            assertThat(config.get("User").asText()).as(artifactId + " runs as").doesNotStartWith("0").isNotEmpty();
            checked++;
        }
        assertThat(checked).isEqualTo(6);
    }

    /** Modules whose POM configures the jib-maven-plugin (their artifactId is the image name). */
    static List<String> imageModules() throws Exception {
        List<String> modules = new ArrayList<>();
        Document root = xml(PROJECT.resolve("pom.xml"));
        NodeList names = root.getElementsByTagName("module");
        for (int i = 0; i < names.getLength(); i++) {
            Path pom = PROJECT.resolve(names.item(i).getTextContent().trim()).resolve("pom.xml");
            String text = Files.readString(pom);
            if (text.contains("<artifactId>jib-maven-plugin</artifactId>")) {
                Element project = xml(pom).getDocumentElement();
                modules.add(directChild(project, "artifactId"));
            }
        }
        return modules;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void every_environment_variable_a_service_reads_is_set(String overlay) throws IOException {
        Rendered r = overlays.get(overlay);
        Map<String, Map<String, String>> configMaps = new HashMap<>();
        r.all(ConfigMap.class).forEach(cm -> configMaps.put(cm.getMetadata().getName(), Objects.requireNonNullElse(cm.getData(), Map.of())));
        for (Deployment d : r.all(Deployment.class)) {
            String service = d.getMetadata().getName();
            Container c = d.getSpec().getTemplate().getSpec().getContainers().getFirst();
            Set<String> provided = new TreeSet<>();
            Objects.requireNonNullElse(c.getEnv(), List.<EnvVar>of()).forEach(e -> provided.add(e.getName()));
            c.getEnvFrom().forEach(src -> {
                assertThat(configMaps).as(service + " envFrom").containsKey(src.getConfigMapRef().getName());
                provided.addAll(configMaps.get(src.getConfigMapRef().getName()).keySet());
            });
            Set<String> read = new TreeSet<>();
            Matcher m = ENV_REFERENCE.matcher(Files.readString(PROJECT.resolve(service).resolve("src/main/resources/application.properties")));
            while (m.find()) read.add(m.group(1));
            // the mounted config/application.properties (content-service's system subscriptions) reads some more
            d.getSpec().getTemplate().getSpec().getVolumes().stream().filter(v -> v.getConfigMap() != null)
                    .forEach(v -> configMaps.get(v.getConfigMap().getName()).values().forEach(text -> {
                        Matcher mm = ENV_REFERENCE.matcher(text);
                        while (mm.find()) read.add(mm.group(1));
                    }));
            assertThat(provided).as(service + ": variables its configuration reads").containsAll(read);
            assertThat(provided.stream().filter(n -> n.startsWith("SPACES_")).toList())
                    .as(service + ": variables set but never read (typo?)").allMatch(n -> read.contains(n) || NOT_YET_READ.contains(n));
        }
    }

    /**
     * The ingress controller must not cut a body the gateway would take: media uploads go up to the gateway's
     * spaces.gateway.max-upload-size (24 MB) and are answered there with a problem+json 413 beyond it.
     */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void the_ingress_lets_media_uploads_through_to_the_gateway(String overlay) {
        Rendered r = overlays.get(overlay);
        io.fabric8.kubernetes.api.model.networking.v1.Ingress gateway =
                r.all(io.fabric8.kubernetes.api.model.networking.v1.Ingress.class).stream()
                        .filter(i -> i.getMetadata().getName().equals("gateway")).findFirst().orElseThrow();
        String size = gateway.getMetadata().getAnnotations().get("nginx.ingress.kubernetes.io/proxy-body-size");
        Matcher m = Pattern.compile("(\\d+)([kKmMgG]?)").matcher(Objects.requireNonNull(size, "proxy-body-size"));
        assertThat(m.matches()).as("proxy-body-size " + size).isTrue();
        long bytes = Long.parseLong(m.group(1)) * switch (m.group(2).toLowerCase()) {
            case "k" -> 1024L;
            case "m" -> 1024L * 1024;
            case "g" -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        assertThat(bytes).as("ingress body limit").isGreaterThan(24L * 1024 * 1024);
    }

    private static String namespaceOf(String overlay) {
        return overlay.equals("prod") ? "spaces" : "spaces-" + overlay;
    }

    private static boolean isEmpty(LabelSelector s) {
        return s == null || ((s.getMatchLabels() == null || s.getMatchLabels().isEmpty())
                && (s.getMatchExpressions() == null || s.getMatchExpressions().isEmpty()));
    }

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector.getMatchLabels() != null && !labels.entrySet().containsAll(selector.getMatchLabels().entrySet())) {
            return false;
        }
        for (LabelSelectorRequirement req : Objects.requireNonNullElse(selector.getMatchExpressions(), List.<LabelSelectorRequirement>of())) {
            String value = labels.get(req.getKey());
            boolean ok = switch (req.getOperator()) {
                case "In" -> value != null && req.getValues().contains(value);
                case "NotIn" -> value == null || !req.getValues().contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> fail("unknown selector operator " + req.getOperator());
            };
            if (!ok) return false;
        }
        return true;
    }

    private static Document xml(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    private static String directChild(Element parent, String name) {
        for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) return e.getTextContent().trim();
        }
        throw new AssertionError("no <" + name + "> in " + parent.getTagName());
    }
}
