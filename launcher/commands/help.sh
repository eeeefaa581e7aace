# ./herd help: the list of commands.
herd_command() {
    cat <<TEXT
Herd launcher. Usage: ./herd COMMAND [ARGS]

  up               build what is missing, start PostgreSQL, Artemis, Keycloak, the four services and a demo agent,
                   load the demo data, wait until everything is healthy and print URLs and logins;
                   'up --replicas 2': two instances each of hub, gateway and portal behind HAProxy, two clustered
                   Artemis nodes (docs/replicas.md)
  down             stop exactly what 'up' started (by recorded pid)
  status           one line per part: 'healthy' or why not (exit 1 when any part is not healthy)
  memory           resident memory of every running part (PostgreSQL with its backends)
  logs PART [-f]   print (or follow) the log of a part: ${HERD_PARTS[*]}
  build            build every module now (./mvnw install -DskipTests)
  test [MVN_ARGS]  run the whole test suite against a throwaway PostgreSQL, a real Keycloak and embedded Artemis
  providers add ID --tier N          register an advisory provider with the hub
  tenants add NAME [--display-name TEXT]     register a tenant in the provider portal
  fleet import --tenant T FILE       enrol each machine of a fleet file at the gateway and send its first full report
  advisories import --provider ID FILE...   push advisory files; one JSON line per document
  advisories epss FILE                      import FIRST.org's EPSS CSV (plain or .gz) into the hub
  agent collect --print [ARGS]       print this machine's report as the agent collects it
  findings --tenant T [--json] [--machine NAME] [--closed]   a tenant's findings (JSON array with --json)
  sbom import --tenant T (--machine M | --application A) FILE   attach a CycloneDX (JSON, XML) or SPDX (JSON, tag-value) SBOM; its findings open
  chaos [SECONDS]  against the running platform: a mixed workload for SECONDS (300) while each service, Artemis
                   and PostgreSQL is killed (SIGKILL) and restarted in turn; counts every effect and ends with
                   'chaos: K kills, M messages, L lost, D applied twice'
  audit            count every effect applied more than once across the platform (rules, bundle revisions,
                   isolation and device orders, apply outcomes, damage events); ends 'audit: nothing applied twice'
  chart check      render helm/herd with every values file under helm/herd/ci and validate each manifest against
                   the Kubernetes API's schemas
  fuzz [SECONDS] [TARGET...]   fuzz each Jazzer target (or those matching TARGET) for SECONDS (120); one line each
  vercmp ECOSYSTEM  read lines 'A B' on stdin, print 'A OP B' (OP <, = or >) in that ecosystem's version order
  bench hub        advisory-hub ingestion benchmark against the running platform
  bench gateway [SECONDS]   tenant-gateway intake benchmark: full and delta reports/s, flow records/s vs the HTTP floor
  bench diagnosis [MACHINES] [RANGES]   dpkg comparator vs libapt, full diagnosis of MACHINES (10,000) x 713 packages
                   against RANGES (50,000+) advisory ranges, incremental diagnosis of one new advisory
  bench findings [FINDINGS]   findings list: p50/p95 of cursor pages over FINDINGS (360,000) vs the old offset query
  bench platform [MACHINES] [TENANTS]   the running platform on MACHINES (10,000) sample copies in TENANTS (10)
                   tenants: intake, settling, findings, database growth, peak heap, x of the in-memory engine
  bench immunity [TENANTS] [MACHINES_PER_TENANT] [STANDING]   herd immunity on the running platform: TENANTS (100)
                   tenants x MACHINES_PER_TENANT (100) machines on tcp/443, STANDING (1,000) community advisories
                   in force, then 200 damage reports at one tenant every 0.25 s: damage→prevention p50/p99 at
                   every tenant's agent (long poll, deltas) and bytes stored per bundle change

State and logs: $HERD_HOME (override with HERD_HOME). Downloads: $HERD_CACHE.
TEXT
}
