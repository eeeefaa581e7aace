{{/*
Names. The full name is truncated to 40 characters: the longest suffix added to it ("-provider-portal-headless")
is 23 characters long and object names stop at 63.
*/}}
{{- define "herd.name" -}}
{{- default .Chart.Name .Values.common.nameOverride | trunc 40 | trimSuffix "-" -}}
{{- end -}}

{{- define "herd.fullname" -}}
{{- if .Values.common.fullnameOverride -}}
{{- .Values.common.fullnameOverride | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.common.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "herd.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "herd.commonLabels" -}}
helm.sh/chart: {{ include "herd.chart" . }}
app.kubernetes.io/part-of: {{ include "herd.name" . }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- with .Values.common.extraLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/*
Components. Every helper below takes (dict "root" $ "component" "<key>"), key being the values block: hub, gateway,
portal, recoveryBroker, artemis or realmImport. Each component's own name, port and its scheme (HTTP unless given)
come from here. The gateway serves HTTPS (docs/tenant-gateway.md#tls).
*/}}
{{- define "herd.components" -}}
hub: {name: advisory-hub, port: 8081}
gateway: {name: tenant-gateway, port: 8082, scheme: HTTPS}
portal: {name: provider-portal, port: 8083}
recoveryBroker: {name: recovery-broker, port: 8084}
artemis: {name: artemis, port: 61616}
realmImport: {name: realm-import, port: 0}
{{- end -}}

{{- define "herd.component" -}}
{{- $components := include "herd.components" . | fromYaml -}}
{{- toYaml (get $components .component) -}}
{{- end -}}

{{- define "herd.componentName" -}}
{{- (include "herd.component" . | fromYaml).name -}}
{{- end -}}

{{- define "herd.componentPort" -}}
{{- (include "herd.component" . | fromYaml).port -}}
{{- end -}}

{{- define "herd.componentScheme" -}}
{{- (include "herd.component" . | fromYaml).scheme | default "HTTP" -}}
{{- end -}}

{{/* The name of the component's port: https or http, after its scheme. */}}
{{- define "herd.componentPortName" -}}
{{- include "herd.componentScheme" . | lower -}}
{{- end -}}

{{/*
Ports a service has besides its own, as a YAML list of {name, port}: the gateway's plain HTTP port when
gateway.tls.allowPlainHttp. Container, Service and NetworkPolicy take them all.
*/}}
{{- define "herd.extraPorts" -}}
{{- if and (eq .component "gateway") .root.Values.gateway.tls.allowPlainHttp -}}
- {name: http-plain, port: {{ .root.Values.gateway.tls.plainPort }}}
{{- else -}}
[]
{{- end -}}
{{- end -}}

{{- define "herd.componentFullname" -}}
{{- printf "%s-%s" (include "herd.fullname" .root) (include "herd.componentName" .) -}}
{{- end -}}

{{- define "herd.selectorLabels" -}}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/name: {{ include "herd.name" .root }}
app.kubernetes.io/component: {{ include "herd.componentName" . }}
{{- end -}}

{{- define "herd.labels" -}}
{{ include "herd.commonLabels" .root }}
{{ include "herd.selectorLabels" . }}
{{- end -}}

{{/* registry/repository:tag, or registry/repository@sha256:... when the tag is a digest. */}}
{{- define "herd.image" -}}
{{- $values := get .root.Values .component -}}
{{- $registry := $values.image.registry | default .root.Values.common.image.registry -}}
{{- $repository := ternary $values.image.repository (printf "%s/%s" $registry $values.image.repository) (empty $registry) -}}
{{- $tag := $values.image.tag | default .root.Chart.AppVersion | toString -}}
{{- if hasPrefix "sha256:" $tag -}}
{{- printf "%s@%s" $repository $tag -}}
{{- else -}}
{{- printf "%s:%s" $repository $tag -}}
{{- end -}}
{{- end -}}

{{- define "herd.serviceAccountName" -}}
{{- if .Values.common.serviceAccount.create -}}
{{- default (include "herd.fullname" .) .Values.common.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.common.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/*
Secrets: the chart creates none (a random value rendered by Helm would change at every upgrade); each credential is
read from an existing Secret, named in the values, through secretKeyRef.
*/}}
{{- define "herd.artemisSecretName" -}}
{{- required "artemis.auth.existingSecret is required (a Secret with the broker user's password)" .Values.artemis.auth.existingSecret -}}
{{- end -}}

{{- define "herd.gatewayTlsSecretName" -}}
{{- required "gateway.tls.existingSecret is required (a Secret with the gateway's certificate, key and CA, e.g. a cert-manager Certificate's)" .Values.gateway.tls.existingSecret -}}
{{- end -}}

{{- define "herd.portalPseudonymSecretName" -}}
{{- required "portal.pseudonymSecret.existingSecret is required (a Secret with the damage-report pseudonym key)" .Values.portal.pseudonymSecret.existingSecret -}}
{{- end -}}

{{/* Artemis: the headless service that gives each broker its DNS name, and the URL the services connect to. */}}
{{- define "herd.artemisHeadless" -}}
{{- printf "%s-headless" (include "herd.componentFullname" (dict "root" . "component" "artemis")) -}}
{{- end -}}

{{- define "herd.artemisUrl" -}}
{{- $service := include "herd.componentFullname" (dict "root" . "component" "artemis") -}}
{{- printf "tcp://%s.%s.svc.%s:61616?%s" $service .Release.Namespace .Values.artemis.clusterDomain .Values.artemis.urlOptions -}}
{{- end -}}

{{- define "herd.oidcUrl" -}}
{{- $url := required "common.keycloak.url is required (the external Keycloak's base URL)" .Values.common.keycloak.url -}}
{{- printf "%s/realms/%s" (trimSuffix "/" $url) .Values.common.keycloak.realm -}}
{{- end -}}

{{/* What every service gets: database, broker, Keycloak, forwarded headers behind the ingress, heap. */}}
{{- define "herd.serviceEnv" -}}
{{- $values := get .root.Values .component -}}
{{- $common := .root.Values.common -}}
- name: QUARKUS_DATASOURCE_JDBC_URL
  value: {{ required "common.database.jdbcUrl is required (the external PostgreSQL)" $common.database.jdbcUrl | quote }}
- name: QUARKUS_DATASOURCE_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ required "common.database.existingSecret is required (a Secret with the database user and password)" $common.database.existingSecret }}
      key: {{ $common.database.usernameKey }}
- name: QUARKUS_DATASOURCE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $common.database.existingSecret }}
      key: {{ $common.database.passwordKey }}
- name: QUARKUS_ARTEMIS_URL
  value: {{ include "herd.artemisUrl" .root | quote }}
- name: QUARKUS_ARTEMIS_USERNAME
  value: {{ .root.Values.artemis.auth.username | quote }}
- name: QUARKUS_ARTEMIS_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "herd.artemisSecretName" .root }}
      key: {{ .root.Values.artemis.auth.passwordKey }}
- name: QUARKUS_OIDC_AUTH_SERVER_URL
  value: {{ include "herd.oidcUrl" .root | quote }}
- name: QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING
  value: "true"
- name: QUARKUS_HTTP_PROXY_ENABLE_FORWARDED_HOST
  value: "true"
- name: JAVA_MAX_MEM_RATIO
  value: {{ $values.javaMaxMemRatio | quote }}
{{- end -}}

{{/* Each service's own settings. */}}
{{- define "herd.hub.env" -}}
{{- end -}}

{{- define "herd.gateway.env" -}}
- name: QUARKUS_HTTP_SSL_PORT
  value: {{ include "herd.componentPort" (dict "root" . "component" "gateway") | quote }}
# The key store as system properties: quarkus.tls.key-store.pem.<name>.* has a map key in its name, which an
# environment variable cannot spell unambiguously. The java launcher reads JDK_JAVA_OPTIONS; the image's
# JAVA_OPTS_APPEND stays as it is.
- name: JDK_JAVA_OPTIONS
  value: >-
    -Dquarkus.tls.key-store.pem.0.cert=/etc/herd/gateway-tls/tls.crt
    -Dquarkus.tls.key-store.pem.0.key=/etc/herd/gateway-tls/tls.key
- name: HERD_TLS_CA_FILE
  value: /etc/herd/gateway-tls/ca.crt
- name: QUARKUS_HTTP_PORT
  value: {{ .Values.gateway.tls.plainPort | quote }}
- name: QUARKUS_HTTP_INSECURE_REQUESTS
  value: {{ ternary "enabled" "disabled" .Values.gateway.tls.allowPlainHttp | quote }}
- name: HERD_TLS_ALLOW_PLAIN_HTTP
  value: {{ .Values.gateway.tls.allowPlainHttp | quote }}
{{- end -}}

{{- define "herd.portal.env" -}}
- name: QUARKUS_OIDC_WEB_CREDENTIALS_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ required "common.keycloak.existingSecret is required (a Secret with the clients' secrets)" .Values.common.keycloak.existingSecret }}
      key: {{ .Values.common.keycloak.portalClientSecretKey }}
- name: HERD_PORTAL_DAMAGE_PSEUDONYM_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ include "herd.portalPseudonymSecretName" . }}
      key: {{ .Values.portal.pseudonymSecret.key }}
# The admin pages read the advisory hub's API with the signed-in admin's token (docs/portal-ui.md).
- name: QUARKUS_REST_CLIENT_HUB_URL
  value: {{ printf "http://%s.%s.svc:%v" (include "herd.componentFullname" (dict "root" . "component" "hub")) .Release.Namespace .Values.hub.service.port | quote }}
{{- with .Values.common.mail.host }}
- name: HERD_PORTAL_MAIL_HOST
  value: {{ . | quote }}
- name: QUARKUS_MAILER_PORT
  value: {{ $.Values.common.mail.port | quote }}
{{- end }}
{{- end -}}

{{/*
Volumes, their mounts and init containers of each service: the gateway's TLS Secret; the recovery broker's trust
store (the JDK's CAs plus the gateway's CA), made by an init container with keytool from the broker's own image.
*/}}
{{- define "herd.hub.volumes" -}}
{{- end -}}
{{- define "herd.hub.volumeMounts" -}}
{{- end -}}
{{- define "herd.hub.initContainers" -}}
{{- end -}}
{{- define "herd.portal.volumes" -}}
{{- end -}}
{{- define "herd.portal.volumeMounts" -}}
{{- end -}}
{{- define "herd.portal.initContainers" -}}
{{- end -}}

{{- define "herd.gateway.volumes" -}}
- name: gateway-tls
  secret:
    secretName: {{ include "herd.gatewayTlsSecretName" . }}
    defaultMode: 0440
    items:
      - key: {{ .Values.gateway.tls.certificateKey }}
        path: tls.crt
      - key: {{ .Values.gateway.tls.privateKeyKey }}
        path: tls.key
      - key: {{ .Values.gateway.tls.caKey }}
        path: ca.crt
{{- end -}}

{{- define "herd.gateway.volumeMounts" -}}
- name: gateway-tls
  mountPath: /etc/herd/gateway-tls
  readOnly: true
{{- end -}}

{{- define "herd.gateway.initContainers" -}}
{{- end -}}

{{/* "true" when the recovery broker has the release's gateway as a device (and so trusts the gateway's CA). */}}
{{- define "herd.recoveryBroker.usesGateway" -}}
{{- if and .Values.gateway.enabled .Values.recoveryBroker.gatewayDevice -}}true{{- end -}}
{{- end -}}

{{- define "herd.recoveryBroker.volumes" -}}
{{- if include "herd.recoveryBroker.usesGateway" . -}}
- name: gateway-ca
  secret:
    secretName: {{ include "herd.gatewayTlsSecretName" . }}
    defaultMode: 0444
    items:
      - key: {{ .Values.gateway.tls.caKey }}
        path: ca.crt
- name: truststore
  emptyDir: {}
{{- end }}
{{- end -}}

{{- define "herd.recoveryBroker.volumeMounts" -}}
{{- if include "herd.recoveryBroker.usesGateway" . -}}
- name: truststore
  mountPath: /etc/herd/truststore
  readOnly: true
{{- end }}
{{- end -}}

{{/*
The trust store holds only certificates, so its password protects nothing and is not a secret: the JDK's "changeit".
*/}}
{{- define "herd.recoveryBroker.initContainers" -}}
{{- if include "herd.recoveryBroker.usesGateway" . -}}
- name: gateway-truststore
  image: {{ include "herd.image" (dict "root" . "component" "recoveryBroker") }}
  imagePullPolicy: {{ .Values.recoveryBroker.image.pullPolicy }}
  command: ["/bin/bash", "-euc"]
  args:
    - |
      java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
      "$java_home/bin/keytool" -importkeystore -noprompt -srckeystore "$java_home/lib/security/cacerts" \
          -srcstorepass changeit -destkeystore /etc/herd/truststore/truststore.p12 -deststoretype PKCS12 \
          -deststorepass changeit
      "$java_home/bin/keytool" -importcert -noprompt -alias herd-gateway-ca -file /etc/herd/gateway-ca/ca.crt \
          -keystore /etc/herd/truststore/truststore.p12 -storetype PKCS12 -storepass changeit
  securityContext:
    allowPrivilegeEscalation: false
    readOnlyRootFilesystem: true
    capabilities:
      drop: ["ALL"]
  resources: {{- toYaml .Values.recoveryBroker.resources | nindent 4 }}
  volumeMounts:
    - name: tmp
      mountPath: /tmp
    - name: gateway-ca
      mountPath: /etc/herd/gateway-ca
      readOnly: true
    - name: truststore
      mountPath: /etc/herd/truststore
{{- end }}
{{- end -}}

{{- define "herd.recoveryBroker.env" -}}
- name: QUARKUS_OIDC_CLIENT_CREDENTIALS_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ required "common.keycloak.existingSecret is required (a Secret with the clients' secrets)" .Values.common.keycloak.existingSecret }}
      key: {{ .Values.common.keycloak.recoveryBrokerClientSecretKey }}
{{- if include "herd.recoveryBroker.usesGateway" . }}
{{- $device := upper .Values.recoveryBroker.gatewayDevice }}
{{- $gateway := include "herd.componentFullname" (dict "root" . "component" "gateway") }}
- name: HERD_RECOVERY_DEVICES_{{ $device }}_DRIVER
  value: gateway
- name: HERD_RECOVERY_DEVICES_{{ $device }}_URL
  value: {{ printf "https://%s.%s.svc:%v/api/device/orders" $gateway .Release.Namespace .Values.gateway.service.port | quote }}
# The java launcher reads JDK_JAVA_OPTIONS: the image's JAVA_OPTS_APPEND stays as it is.
- name: JDK_JAVA_OPTIONS
  value: >-
    -Djavax.net.ssl.trustStore=/etc/herd/truststore/truststore.p12 -Djavax.net.ssl.trustStoreType=PKCS12
    -Djavax.net.ssl.trustStorePassword=changeit
{{- end }}
{{- with .Values.common.mail.host }}
- name: HERD_RECOVERY_MAIL_HOST
  value: {{ . | quote }}
- name: QUARKUS_MAILER_PORT
  value: {{ $.Values.common.mail.port | quote }}
{{- end }}
{{- end -}}

{{/* An egress rule to an external part (database, Keycloak, mail): its port, and its peers when given. */}}
{{- define "herd.egressTo" -}}
- ports:
    - port: {{ .port }}
      protocol: TCP
  {{- with .networkPeers }}
  to: {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end -}}
