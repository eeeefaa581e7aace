# ./herd sbom import --tenant T (--machine M | --application A) FILE: attaches a CycloneDX 1.5/1.6 (JSON or XML) or
# SPDX 2.3 (JSON or tag-value) SBOM to a machine (its name or id) or to a named application of tenant T in the provider
# portal (POST /api/tenants/T/machines/M/sboms or .../applications/A/sboms, docs/sbom.md) and prints the portal's
# answer: the stored SBOM with its id, components kept and skipped, and the findings it opened. The Content-Type comes
# from the file (herd_sbom_content_type). Runs as HERD_USER (default the MSSP admin). A refused document prints the
# problem's detail, exit 1.
herd_command() {
    local action=${1:-} tenant='' machine='' application='' file='' url out status type
    [ "$action" = import ] || { herd_sbom_usage; exit 2; }
    shift
    while [ $# -gt 0 ]; do
        case $1 in
            --tenant) tenant=${2:-}; shift 2 ;;
            --machine) machine=${2:-}; shift 2 ;;
            --application) application=${2:-}; shift 2 ;;
            -*) herd_error "unknown option $1"; herd_sbom_usage; exit 2 ;;
            *) [ -z "$file" ] || { herd_sbom_usage; exit 2; }; file=$1; shift ;;
        esac
    done
    if [ -z "$tenant" ] || [ -z "$file" ] || { [ -n "$machine" ] && [ -n "$application" ]; } \
        || { [ -z "$machine" ] && [ -z "$application" ]; }; then
        herd_sbom_usage
        exit 2
    fi
    [ -r "$file" ] || herd_die "cannot read $file"
    type=$(herd_sbom_content_type "$file")
    if [ -n "$machine" ]; then
        url="http://127.0.0.1:$HERD_PORTAL_PORT/api/tenants/$(herd_url_part "$tenant")/machines/$(herd_url_part "$machine")/sboms"
    else
        url="http://127.0.0.1:$HERD_PORTAL_PORT/api/tenants/$(herd_url_part "$tenant")/applications/$(herd_url_part "$application")/sboms"
    fi
    mkdir -p "$HERD_LOGS"
    out="$HERD_LOGS/cli-sbom-response"
    herd_api_token_renew
    status=$(curl -s -o "$out" -w '%{http_code}' -m 600 -H "Authorization: Bearer $HERD_API_TOKEN" \
        -H "Content-Type: $type" --data-binary "@$file" "$url" || true)
    case $status in
        201) cat "$out"; echo ;;
        000) herd_die "no answer from the portal at http://127.0.0.1:$HERD_PORTAL_PORT (is './herd up' running?)" ;;
        *) herd_die "SBOM $file not attached (HTTP $status): $(herd_problem_text "$(cat "$out")")" ;;
    esac
}

# The Content-Type of an SBOM file: by its name (.json, .xml and .cdx.xml, .spdx), else by its first non-blank
# character ('<' XML, '{' or '[' JSON) or a first tag line 'SPDXVersion:' (tag-value); JSON when nothing tells, so
# that the portal names what is wrong.
herd_sbom_content_type() {
    python3 - "$1" <<'PY'
import re, sys

name = sys.argv[1].lower()
kinds = {"json": "application/json", "xml": "application/vnd.cyclonedx+xml", "spdx": "text/spdx"}
kind = next((k for k in kinds if name.endswith("." + k)), None)
if kind is None:
    with open(sys.argv[1], "rb") as f:
        head = f.read(65536).decode("utf-8", "replace").lstrip("\ufeff \t\r\n")
    tag = next((l.strip() for l in head.splitlines() if l.strip() and not l.lstrip().startswith("#")), "")
    kind = "xml" if head.startswith("<") else "spdx" if re.match(r"SPDXVersion:", tag) else "json"
print(kinds[kind])
PY
}

# A path segment, percent-encoded.
herd_url_part() {
    python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"
}

herd_sbom_usage() {
    herd_error "usage: ./herd sbom import --tenant T (--machine NAME_OR_ID | --application NAME) FILE"
}
