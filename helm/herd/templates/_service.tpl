{{/*
The objects every Herd service has, each taking (dict "root" $ "component" "<key>"); templates/<component>/ include
them. A service's own environment is "herd.<key>.env" in _helpers.tpl.
*/}}

{{- define "herd.service.deployment" -}}
{{- $root := .root -}}
{{- $values := get .root.Values .component -}}
{{- $port := include "herd.componentPort" . -}}
{{- $portName := include "herd.componentPortName" . -}}
{{- $scheme := include "herd.componentScheme" . -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "herd.componentFullname" . }}
  namespace: {{ $root.Release.Namespace }}
  labels: {{- include "herd.labels" . | nindent 4 }}
spec:
  {{- if not (and $values.autoscaling $values.autoscaling.enabled) }}
  replicas: {{ $values.replicaCount }}
  {{- end }}
  selector:
    matchLabels: {{- include "herd.selectorLabels" . | nindent 6 }}
  template:
    metadata:
      labels: {{- include "herd.selectorLabels" . | nindent 8 }}
      annotations:
        prometheus.io/scrape: "true"
        prometheus.io/path: /q/metrics
        prometheus.io/port: {{ $port | quote }}
        prometheus.io/scheme: {{ lower $scheme | quote }}
        {{- with $values.podAnnotations }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
    spec:
      serviceAccountName: {{ include "herd.serviceAccountName" $root }}
      automountServiceAccountToken: false
      {{- with $root.Values.common.image.pullSecrets }}
      imagePullSecrets: {{- toYaml . | nindent 8 }}
      {{- end }}
      securityContext:
        runAsNonRoot: true
        seccompProfile:
          type: RuntimeDefault
        # Mounted Secrets (the gateway's key) are group-readable (0440) by this group, not by everyone.
        fsGroup: 185
      {{- with include (printf "herd.%s.initContainers" .component) $root }}
      initContainers: {{- . | nindent 8 }}
      {{- end }}
      containers:
        - name: {{ include "herd.componentName" . }}
          image: {{ include "herd.image" . }}
          imagePullPolicy: {{ $values.image.pullPolicy }}
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: ["ALL"]
          ports:
            - name: {{ $portName }}
              containerPort: {{ $port }}
              protocol: TCP
            {{- range (include "herd.extraPorts" . | fromYamlArray) }}
            - name: {{ .name }}
              containerPort: {{ .port }}
              protocol: TCP
            {{- end }}
          env:
            {{- include "herd.serviceEnv" . | nindent 12 }}
            {{- include (printf "herd.%s.env" .component) $root | nindent 12 }}
            {{- with $values.extraEnv }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
          {{- with $values.extraEnvFrom }}
          envFrom: {{- toYaml . | nindent 12 }}
          {{- end }}
          resources: {{- toYaml $values.resources | nindent 12 }}
          startupProbe:
            httpGet:
              path: /q/health/started
              port: {{ $portName }}
              scheme: {{ $scheme }}
            failureThreshold: {{ $values.probes.startup.failureThreshold }}
            periodSeconds: {{ $values.probes.startup.periodSeconds }}
          livenessProbe:
            httpGet:
              path: /q/health/live
              port: {{ $portName }}
              scheme: {{ $scheme }}
            failureThreshold: {{ $values.probes.liveness.failureThreshold }}
            periodSeconds: {{ $values.probes.liveness.periodSeconds }}
            timeoutSeconds: {{ $values.probes.liveness.timeoutSeconds }}
          readinessProbe:
            httpGet:
              path: /q/health/ready
              port: {{ $portName }}
              scheme: {{ $scheme }}
            failureThreshold: {{ $values.probes.readiness.failureThreshold }}
            periodSeconds: {{ $values.probes.readiness.periodSeconds }}
            timeoutSeconds: {{ $values.probes.readiness.timeoutSeconds }}
          volumeMounts:
            - name: tmp
              mountPath: /tmp
            {{- include (printf "herd.%s.volumeMounts" .component) $root | nindent 12 }}
      volumes:
        - name: tmp
          emptyDir: {}
        {{- include (printf "herd.%s.volumes" .component) $root | nindent 8 }}
      {{- with $values.nodeSelector }}
      nodeSelector: {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $values.tolerations }}
      tolerations: {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $values.affinity }}
      affinity: {{- toYaml . | nindent 8 }}
      {{- end }}
{{- end -}}

{{- define "herd.service.service" -}}
{{- $values := get .root.Values .component -}}
apiVersion: v1
kind: Service
metadata:
  name: {{ include "herd.componentFullname" . }}
  namespace: {{ .root.Release.Namespace }}
  labels: {{- include "herd.labels" . | nindent 4 }}
  {{- with $values.service.annotations }}
  annotations: {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  type: {{ $values.service.type }}
  selector: {{- include "herd.selectorLabels" . | nindent 4 }}
  ports:
    - name: {{ include "herd.componentPortName" . }}
      port: {{ $values.service.port }}
      targetPort: {{ include "herd.componentPortName" . }}
      protocol: TCP
    {{- range (include "herd.extraPorts" . | fromYamlArray) }}
    - name: {{ .name }}
      port: {{ .port }}
      targetPort: {{ .name }}
      protocol: TCP
    {{- end }}
{{- end -}}

{{- define "herd.service.hpa" -}}
{{- $values := get .root.Values .component -}}
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ include "herd.componentFullname" . }}
  namespace: {{ .root.Release.Namespace }}
  labels: {{- include "herd.labels" . | nindent 4 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ include "herd.componentFullname" . }}
  minReplicas: {{ $values.autoscaling.minReplicas }}
  maxReplicas: {{ $values.autoscaling.maxReplicas }}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{ $values.autoscaling.targetCPUUtilizationPercentage }}
{{- end -}}

{{- define "herd.service.pdb" -}}
{{- $values := get .root.Values .component -}}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ include "herd.componentFullname" . }}
  namespace: {{ .root.Release.Namespace }}
  labels: {{- include "herd.labels" . | nindent 4 }}
spec:
  maxUnavailable: {{ $values.podDisruptionBudget.maxUnavailable }}
  selector:
    matchLabels: {{- include "herd.selectorLabels" . | nindent 6 }}
{{- end -}}

{{- define "herd.service.ingress" -}}
{{- $values := get .root.Values .component -}}
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: {{ include "herd.componentFullname" . }}
  namespace: {{ .root.Release.Namespace }}
  labels: {{- include "herd.labels" . | nindent 4 }}
  {{- with $values.ingress.annotations }}
  annotations: {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  {{- with $values.ingress.className }}
  ingressClassName: {{ . }}
  {{- end }}
  {{- with $values.ingress.tlsSecretName }}
  tls:
    - hosts:
        - {{ $values.ingress.host | quote }}
      secretName: {{ . }}
  {{- end }}
  rules:
    - host: {{ $values.ingress.host | quote }}
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: {{ include "herd.componentFullname" . }}
                port:
                  name: {{ include "herd.componentPortName" . }}
{{- end -}}

{{/*
A service's NetworkPolicy: in, its HTTP(S) port (and herd.extraPorts) from (dict ... "from" <peers or nil>) plus the component's
extraIngress; out, DNS, the database, Artemis, Keycloak, and (dict ... "egress" <rules>) plus the component's extraEgress.
*/}}
{{- define "herd.service.networkpolicy" -}}
{{- $root := .root -}}
{{- $values := get .root.Values .component -}}
{{- $common := .root.Values.common -}}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ include "herd.componentFullname" . }}
  namespace: {{ $root.Release.Namespace }}
  labels: {{- include "herd.labels" . | nindent 4 }}
spec:
  podSelector:
    matchLabels: {{- include "herd.selectorLabels" . | nindent 6 }}
  policyTypes: [Ingress, Egress]
  ingress:
    - ports:
        - port: {{ include "herd.componentPortName" . }}
          protocol: TCP
        {{- range (include "herd.extraPorts" . | fromYamlArray) }}
        - port: {{ .name }}
          protocol: TCP
        {{- end }}
      {{- with .from }}
      from: {{- toYaml . | nindent 8 }}
      {{- end }}
    {{- with $values.extraIngress }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  egress:
    - ports:
        - port: 53
          protocol: UDP
        - port: 53
          protocol: TCP
    {{- include "herd.egressTo" $common.database | nindent 4 }}
    {{- include "herd.egressTo" $common.keycloak | nindent 4 }}
    - ports:
        - port: 61616
          protocol: TCP
      to:
        - podSelector:
            matchLabels: {{- include "herd.selectorLabels" (dict "root" $root "component" "artemis") | nindent 14 }}
    {{- with .egress }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
    {{- with $values.extraEgress }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
{{- end -}}
