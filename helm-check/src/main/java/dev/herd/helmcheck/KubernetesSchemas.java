package dev.herd.helmcheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.gson.annotations.SerializedName;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Role;
import io.kubernetes.client.openapi.models.V1RoleBinding;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * JSON Schemas (draft 2020-12) of the Kubernetes kinds the chart renders, built from the model classes of the
 * official Java client, which are generated from the Kubernetes OpenAPI document: each object's properties with their
 * types, its required properties, and no property beyond them.
 */
final class KubernetesSchemas {

    /** The kinds the check knows, by {@code apiVersion} and {@code kind}; anything else is reported, not skipped. */
    static final Map<String, Class<?>> KINDS = Map.ofEntries(
            Map.entry("v1 ConfigMap", V1ConfigMap.class),
            Map.entry("v1 PersistentVolumeClaim", V1PersistentVolumeClaim.class),
            Map.entry("v1 Secret", V1Secret.class),
            Map.entry("v1 Service", V1Service.class),
            Map.entry("v1 ServiceAccount", V1ServiceAccount.class),
            Map.entry("apps/v1 Deployment", V1Deployment.class),
            Map.entry("apps/v1 StatefulSet", V1StatefulSet.class),
            Map.entry("batch/v1 Job", V1Job.class),
            Map.entry("autoscaling/v2 HorizontalPodAutoscaler", V2HorizontalPodAutoscaler.class),
            Map.entry("policy/v1 PodDisruptionBudget", V1PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1 NetworkPolicy", V1NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1 Ingress", V1Ingress.class),
            Map.entry("rbac.authorization.k8s.io/v1 Role", V1Role.class),
            Map.entry("rbac.authorization.k8s.io/v1 RoleBinding", V1RoleBinding.class));

    /** Kubernetes' quantity syntax (resource.Quantity): a decimal number and an optional suffix or exponent. */
    static final String QUANTITY = "^[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+|[numkMGTPE]|[KMGTPE]i)?$";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String DRAFT = "https://json-schema.org/draft/2020-12/schema";

    private KubernetesSchemas() {}

    /** The schema of one kind, or empty when the check does not know that {@code apiVersion} and {@code kind}. */
    static Optional<ObjectNode> of(String apiVersion, String kind) {
        Class<?> model = KINDS.get(apiVersion + " " + kind);
        if (model == null) {
            return Optional.empty();
        }
        ObjectNode defs = JSON.objectNode();
        ObjectNode schema = JSON.objectNode();
        schema.put("$schema", DRAFT);
        schema.putArray("allOf").addObject().put("$ref", reference(model, defs));
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("apiVersion").put("const", apiVersion);
        properties.putObject("kind").put("const", kind);
        // The API server requires a name (or generateName, which a chart never uses) on every object it creates.
        properties.putObject("metadata").putArray("required").add("name");
        schema.putArray("required").add("apiVersion").add("kind").add("metadata");
        schema.set("$defs", defs);
        return Optional.of(schema);
    }

    private static String reference(Class<?> model, ObjectNode defs) {
        String name = model.getSimpleName();
        if (!defs.has(name)) {
            ObjectNode definition = defs.putObject(name);
            definition.put("type", "object");
            ObjectNode properties = definition.putObject("properties");
            for (Field field : model.getDeclaredFields()) {
                SerializedName json = field.getAnnotation(SerializedName.class);
                if (json != null && !Modifier.isStatic(field.getModifiers())) {
                    properties.set(json.value(), schemaOf(field.getGenericType(), defs));
                }
            }
            Set<String> required = requiredFields(model);
            if (!required.isEmpty()) {
                ArrayNode list = definition.putArray("required");
                required.forEach(list::add);
            }
            definition.put("additionalProperties", false);
        }
        return "#/$defs/" + name;
    }

    private static JsonNode schemaOf(Type type, ObjectNode defs) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] arguments = parameterized.getActualTypeArguments();
            if (java.util.List.class.isAssignableFrom(raw)) {
                ObjectNode array = JSON.objectNode().put("type", "array");
                array.set("items", schemaOf(arguments[0], defs));
                return array;
            }
            if (Map.class.isAssignableFrom(raw)) {
                ObjectNode map = JSON.objectNode().put("type", "object");
                map.set("additionalProperties", schemaOf(arguments[1], defs));
                return map;
            }
            throw new IllegalStateException("no JSON Schema for " + type);
        }
        Class<?> plain = (Class<?>) type;
        if (plain == String.class || plain == OffsetDateTime.class || plain == byte[].class) {
            return JSON.objectNode().put("type", "string");
        }
        if (plain == Integer.class || plain == Long.class) {
            return JSON.objectNode().put("type", "integer");
        }
        if (plain == Double.class || plain == Float.class || plain == java.math.BigDecimal.class) {
            return JSON.objectNode().put("type", "number");
        }
        if (plain == Boolean.class) {
            return JSON.objectNode().put("type", "boolean");
        }
        if (plain == IntOrString.class) {
            ObjectNode either = JSON.objectNode();
            either.putArray("type").add("integer").add("string");
            return either;
        }
        if (plain == Quantity.class) {
            ObjectNode quantity = JSON.objectNode();
            quantity.putArray("type").add("string").add("number");
            quantity.put("pattern", QUANTITY);
            return quantity;
        }
        if (plain == Object.class) {
            return JSON.objectNode();
        }
        if (plain.getPackageName().equals(V1Deployment.class.getPackageName())) {
            return JSON.objectNode().put("$ref", reference(plain, defs));
        }
        throw new IllegalStateException("no JSON Schema for " + plain.getName());
    }

    @SuppressWarnings("unchecked")
    private static Set<String> requiredFields(Class<?> model) {
        try {
            return new TreeSet<>(
                    (Set<String>) model.getField("openapiRequiredFields").get(null));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(model.getName() + " has no openapiRequiredFields", e);
        }
    }
}
