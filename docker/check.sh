#!/usr/bin/env bash
# Static checks of the deployment files in docker/, for a machine without a Docker engine (nothing is built or run):
#   (a) every path each docker/Dockerfile.* COPYs from the build context (the repository root) exists, is not
#       empty, and is let through by that Dockerfile's .dockerignore; each image runs as a non-root USER, has a
#       HEALTHCHECK, and its ENTRYPOINT main class is in launcher/target/stocksense.jar;
#   (b) docker/compose*.yaml are valid YAML and sane: every service has an image or a build, every build's
#       Dockerfile exists, every depends_on target exists (and is not behind a profile the dependent lacks),
#       every mounted relative path exists, every named volume is declared, every service has a health check,
#       and secrets are only ${VARIABLE} references; the other YAML/JSON files under docker/ parse;
#   (c) `docker compose config -q` (client-only, no engine needed) when a compose CLI is installed.
# Run it after the Maven build, from anywhere:
#   ./mvnw -B -q -Dmaven.test.skip=true package && docker/check.sh
# Exit status: 0 all checks passed, 1 a check failed (each failure is printed), 2 a tool is missing.
set -uo pipefail

DOCKER_DIR=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
ROOT=$(dirname -- "$DOCKER_DIR")
failures=0
passes=0

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { passes=$((passes + 1)); }

# ---------------------------------------------------------------- (a) Dockerfiles

# Prints the logical instructions of a Dockerfile, one per line: continuation lines joined, comments dropped.
instructions() {
    awk '
        /^[[:space:]]*#/ { next }
        { line = $0
          if (sub(/\\[[:space:]]*$/, "", line)) { buf = buf line " "; next }
          buf = buf line
          if (buf ~ /[^[:space:]]/) print buf
          buf = "" }
        END { if (buf ~ /[^[:space:]]/) print buf }' "$1"
}

# The sources of one COPY/ADD instruction (all arguments but the last, flags dropped), one per line;
# nothing for COPY --from=<stage>, whose sources are not in the build context.
copy_sources() {
    local rest=$1 args=()
    if [[ $rest =~ ^[[:space:]]*\[ ]]; then         # JSON form: COPY ["src", ..., "dest"]
        mapfile -t args < <(python3 -c 'import json,sys; print("\n".join(json.loads(sys.argv[1])))' "$rest" 2>/dev/null)
    else
        read -r -a args <<<"$rest"
    fi
    local srcs=() a
    for a in "${args[@]}"; do
        case $a in
            --from=*) return 0 ;;
            --*) ;;                                     # --chown, --chmod, --link, --parents, --exclude
            *) srcs+=("$a") ;;
        esac
    done
    (( ${#srcs[@]} >= 2 )) || { echo "?"; return 0; }
    unset 'srcs[${#srcs[@]}-1]'
    printf '%s\n' "${srcs[@]}"
}

# True when the Dockerfile-specific ignore file re-includes the path (our ignore files exclude "*" first).
ignored_out() {
    local ignore=$1 src=${2%/} pat
    [[ -f $ignore ]] || return 1
    while IFS= read -r pat; do
        pat=${pat%/}
        [[ $pat == '!'* ]] || continue
        pat=${pat#!}
        # shellcheck disable=SC2053  # glob match on purpose: ignore patterns may hold wildcards
        if [[ $src == $pat || $src == "$pat"/* ]]; then return 1; fi
    done < <(grep -v '^[[:space:]]*#' "$ignore")
    grep -qx '[[:space:]]*\*\*\?[[:space:]]*' "$ignore"   # excluded only if everything else is excluded
}

check_dockerfile() {
    local df=$1 name
    name="docker/$(basename "$df")"
    local ignore="$df.dockerignore" line keyword rest src count=0 has_user=0 has_health=0 main=""
    while IFS= read -r line; do
        keyword=$(awk '{print toupper($1)}' <<<"$line")
        rest=$(sed -E 's/^[[:space:]]*[A-Za-z]+[[:space:]]*//' <<<"$line")
        case $keyword in
            COPY|ADD)
                while IFS= read -r src; do
                    [[ -n $src ]] || continue
                    count=$((count + 1))
                    if [[ $src == "?" ]]; then
                        fail "$name: cannot parse '$line'"; continue
                    fi
                    if [[ $src == /* || $src == ../* || $src == *"/../"* ]]; then
                        fail "$name: COPY source '$src' is outside the build context (the repository root)"; continue
                    fi
                    # shellcheck disable=SC2206  # word splitting and globbing wanted: COPY sources may be globs
                    local matches=( "$ROOT"/$src )
                    if [[ ! -e ${matches[0]} ]]; then
                        fail "$name: COPY source '$src' does not exist under $ROOT; build it first: ./mvnw -B -q -Dmaven.test.skip=true package"
                    elif [[ -d ${matches[0]} && -z $(ls -A "${matches[0]}") ]]; then
                        fail "$name: COPY source '$src' is an empty directory"
                    elif ignored_out "$ignore" "$src"; then
                        fail "$name: COPY source '$src' is excluded by docker/$(basename "$ignore"); add '!$src' there"
                    else
                        pass
                    fi
                done < <(copy_sources "$rest")
                ;;
            USER)
                if [[ $rest =~ ^(0|root)(:|$) ]]; then fail "$name: USER is root"; else has_user=1; fi ;;
            HEALTHCHECK)
                [[ $rest =~ ^NONE ]] || has_health=1 ;;
            ENTRYPOINT)
                main=$(grep -oE 'io\.stocksense\.[A-Za-z0-9_.]+' <<<"$rest" | head -n 1) ;;
        esac
    done < <(instructions "$df")
    (( count > 0 )) || fail "$name: no COPY instruction found"
    (( has_user )) && pass || fail "$name: no non-root USER instruction"
    (( has_health )) && pass || fail "$name: no HEALTHCHECK instruction"
    if [[ -n $main ]]; then
        local jar="$ROOT/launcher/target/stocksense.jar" cls="${main//.//}.class"
        if [[ -f $jar ]] && python3 -c 'import sys,zipfile; sys.exit(0 if sys.argv[2] in zipfile.ZipFile(sys.argv[1]).namelist() else 1)' "$jar" "$cls" 2>/dev/null; then
            pass
        else
            fail "$name: ENTRYPOINT main class $main is not in launcher/target/stocksense.jar (missing, or not a jar)"
        fi
    else
        fail "$name: ENTRYPOINT names no io.stocksense main class"
    fi
    echo "checked $name: $count COPY source(s)"
}

command -v python3 >/dev/null 2>&1 || { echo "check.sh: python3 is required (apt-get install python3 python3-yaml)" >&2; exit 2; }

shopt -s nullglob
dockerfiles=()
for df in "$DOCKER_DIR"/Dockerfile.*; do
    [[ $df == *.dockerignore ]] || dockerfiles+=("$df")
done
(( ${#dockerfiles[@]} > 0 )) || fail "no docker/Dockerfile.* found"
for df in "${dockerfiles[@]}"; do check_dockerfile "$df"; done

# ---------------------------------------------------------------- (b) compose files and other YAML/JSON

if ! python3 -c 'import yaml' 2>/dev/null; then
    echo "check.sh: PyYAML is missing, so compose.yaml cannot be checked (apt-get install python3-yaml, or pip install pyyaml)" >&2
    exit 2
fi

compose_files=("$DOCKER_DIR"/compose*.yaml)
out=$(python3 - "$DOCKER_DIR" "${compose_files[@]}" <<'PY'
import json, os, re, sys
import yaml

docker_dir, files = sys.argv[1], sys.argv[2:]
problems, passes = [], 0

def problem(msg):
    problems.append(msg)

VAR = re.compile(r'\$(?:\$|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])((?:[^{}]|\{[^{}]*\})*))?\}|([A-Za-z_][A-Za-z0-9_]*))')

def interpolate(value, required):
    """Compose-style ${VAR}, ${VAR:-default}, ${VAR:?message}, $$; a required variable that is unset gets a dummy."""
    if isinstance(value, dict):
        return {k: interpolate(v, required) for k, v in value.items()}
    if isinstance(value, list):
        return [interpolate(v, required) for v in value]
    if not isinstance(value, str):
        return value
    def sub(m):
        if m.group(0) == '$$':
            return '$'
        name = m.group(1) or m.group(4)
        op, arg = m.group(2), m.group(3) or ''
        val = os.environ.get(name)
        unset = val is None or (op is not None and op.startswith(':') and val == '')
        if op in (':-', '-'):
            return interpolate(arg, required) if unset else val
        if op in (':?', '?'):
            if unset:
                required.add(name)
                return 'dummy-' + name.lower()
            return val
        if op in (':+', '+'):
            return '' if unset else interpolate(arg, required)
        return val or ''
    return VAR.sub(sub, value)

SECRET = re.compile(r'PASSWORD|TOKEN|SECRET|PRIVATE_KEY', re.I)

for path in files:
    name = 'docker/' + os.path.basename(path)
    base = os.path.dirname(path)
    try:
        with open(path) as f:
            raw = yaml.safe_load(f)
    except yaml.YAMLError as e:
        problem(f'{name}: not valid YAML: {e}')
        continue
    if not isinstance(raw, dict) or not isinstance(raw.get('services'), dict) or not raw['services']:
        problem(f'{name}: no services mapping')
        continue
    passes += 1
    # secrets: environment values whose key looks secret must be variable references, never literals
    for sname, svc in raw['services'].items():
        env = (svc or {}).get('environment') or {}
        items = env.items() if isinstance(env, dict) else (e.split('=', 1) + [''] for e in env)
        for item in items:
            key, val = list(item)[:2]
            if SECRET.search(str(key)) and val not in (None, '') and not re.fullmatch(r'\$\{[^}]+\}', str(val)):
                problem(f'{name}: service {sname}: {key} holds a literal value; use ${{VARIABLE:?message}} and docker/.env')
            else:
                passes += 1
    required = set()
    doc = interpolate(raw, required)
    services = doc['services']
    declared_volumes = set((doc.get('volumes') or {}).keys())
    for sname, svc in services.items():
        where = f'{name}: service {sname}'
        if not isinstance(svc, dict):
            problem(f'{where}: not a mapping'); continue
        if 'image' not in svc and 'build' not in svc:
            problem(f'{where}: has neither image nor build')
        else:
            passes += 1
        build = svc.get('build')
        if build is not None:
            ctx = build if isinstance(build, str) else build.get('context', '.')
            ctx_path = os.path.normpath(os.path.join(base, ctx))
            dockerfile = 'Dockerfile' if isinstance(build, str) else build.get('dockerfile', 'Dockerfile')
            df_path = os.path.normpath(os.path.join(ctx_path, dockerfile))
            if not os.path.isdir(ctx_path):
                problem(f'{where}: build context {ctx} ({ctx_path}) does not exist')
            elif not os.path.isfile(df_path):
                problem(f'{where}: build dockerfile {dockerfile} ({df_path}) does not exist')
            else:
                passes += 1
        deps = svc.get('depends_on') or []
        dep_items = deps.items() if isinstance(deps, dict) else ((d, {}) for d in deps)
        my_profiles = set(svc.get('profiles') or [])
        for dep, cond in dep_items:
            if dep not in services:
                problem(f'{where}: depends_on {dep}, which is not a service'); continue
            dep_profiles = set((services[dep] or {}).get('profiles') or [])
            if dep_profiles and not (my_profiles and my_profiles <= dep_profiles):
                problem(f'{where}: depends_on {dep}, which only runs with profile(s) {sorted(dep_profiles)}')
                continue
            condition = (cond or {}).get('condition', 'service_started')
            if condition not in ('service_started', 'service_healthy', 'service_completed_successfully'):
                problem(f'{where}: depends_on {dep} has unknown condition {condition}'); continue
            if condition == 'service_healthy' and not (services[dep] or {}).get('healthcheck'):
                problem(f'{where}: waits for {dep} to be healthy, but {dep} has no healthcheck'); continue
            passes += 1
        hc = svc.get('healthcheck')
        if not hc or hc.get('disable'):
            problem(f'{where}: no healthcheck')
        else:
            test = hc.get('test')
            if isinstance(test, list) and test and test[0] in ('CMD', 'CMD-SHELL') and len(test) > 1 \
                    or isinstance(test, str) and test.strip():
                passes += 1
            else:
                problem(f'{where}: healthcheck test must be a string or ["CMD"|"CMD-SHELL", ...], was {test!r}')
        for vol in svc.get('volumes') or []:
            if isinstance(vol, dict):
                vtype, source = vol.get('type', 'volume'), vol.get('source')
            else:
                source = vol.split(':', 1)[0] if ':' in vol else None
                vtype = 'bind' if source and (source.startswith(('.', '/', '~'))) else 'volume'
            if source is None:
                passes += 1   # anonymous volume
            elif vtype == 'bind':
                host = os.path.normpath(os.path.join(base, os.path.expanduser(source)))
                if source.startswith(('.', '~')) or not os.path.isabs(source):
                    if not os.path.exists(host):
                        problem(f'{where}: mounted path {source} ({host}) does not exist'); continue
                passes += 1
            elif vtype == 'volume':
                if source not in declared_volumes:
                    problem(f'{where}: named volume {source} is not declared under top-level volumes'); continue
                passes += 1
        for env_file in ([svc['env_file']] if isinstance(svc.get('env_file'), str) else svc.get('env_file') or []):
            p = env_file if isinstance(env_file, str) else env_file.get('path')
            if not os.path.exists(os.path.join(base, p)):
                problem(f'{where}: env_file {p} does not exist')
    if required:
        print(f'{name}: required variables (dummies used here): {", ".join(sorted(required))}')
    print(f'checked {name}: {len(services)} services, {len(declared_volumes)} named volumes')

# every other YAML and JSON file in docker/ must at least parse
for dirpath, _, filenames in os.walk(docker_dir):
    for fn in filenames:
        p = os.path.join(dirpath, fn)
        rel = os.path.relpath(p, os.path.dirname(docker_dir))
        try:
            if fn.endswith(('.yaml', '.yml')):
                with open(p) as f:
                    list(yaml.safe_load_all(f))
                passes += 1
            elif fn.endswith('.json'):
                with open(p) as f:
                    json.load(f)
                passes += 1
        except Exception as e:
            problem(f'{rel}: does not parse: {e}')

for msg in problems:
    print('FAIL: ' + msg)
print(f'PASSES {passes}')
PY
)
rc=$?
if (( rc != 0 )); then
    fail "the compose checker itself failed (exit $rc)"
fi
while IFS= read -r line; do
    case $line in
        FAIL:*) fail "${line#FAIL: }" ;;
        PASSES*) passes=$((passes + ${line#PASSES })) ;;
        *) echo "$line" ;;
    esac
done <<<"$out"

# ---------------------------------------------------------------- (c) docker compose config, when available

compose_cli=()
if docker compose version >/dev/null 2>&1; then
    compose_cli=(docker compose)
elif command -v docker-compose >/dev/null 2>&1; then
    compose_cli=(docker-compose)
fi
if (( ${#compose_cli[@]} )); then
    # Dummy values for the required secrets: `config` only interpolates and validates, it contacts no engine.
    dummy_env=(STOCKSENSE_DB_PASSWORD=dummy STOCKSENSE_GRAFANA_DB_PASSWORD=dummy STOCKSENSE_ADMIN_PASSWORD=dummy
               STOCKSENSE_GRAFANA_ADMIN_PASSWORD=dummy STOCKSENSE_INFLUXDB_PASSWORD=dummy-password
               STOCKSENSE_INFLUXDB_TOKEN=dummy STOCKSENSE_CLOUD_MQTT_URL=tcp://cloud.invalid:1883)
    # An empty env file: the checks must not depend on (or read) a real docker/.env with secrets.
    empty_env=$(mktemp)
    trap 'rm -f "$empty_env"' EXIT
    for cf in "${compose_files[@]}"; do
        target=$cf extra=()
        if [[ ${compose_cli[0]} == docker-compose ]]; then
            # Compose v1 (docker-compose 1.29, Debian's package) predates the top-level `name:` key: check a copy
            # without it, resolving relative paths against docker/ as v2 does.
            target=$(mktemp --suffix=.yaml)
            python3 -c 'import sys; print("".join(l for l in open(sys.argv[1]) if not l.startswith("name:")), end="")' "$cf" >"$target"
            extra=(--project-directory "$DOCKER_DIR" -p "$(sed -n 's/^name:[[:space:]]*//p' "$cf")")
        fi
        if msg=$(env "${dummy_env[@]}" "${compose_cli[@]}" --env-file "$empty_env" "${extra[@]}" -f "$target" --profile demo --profile edge config -q 2>&1); then
            pass; echo "checked docker/$(basename "$cf") with '${compose_cli[*]} config -q'"
        else
            fail "docker/$(basename "$cf"): '${compose_cli[*]} config -q' rejected it: $msg"
        fi
        [[ $target == "$cf" ]] || rm -f "$target"
    done
else
    echo "SKIP: no 'docker compose' plugin or docker-compose here, so 'compose config -q' was not run (the checks above still ran)"
fi

echo "docker/check.sh: $passes passed, $failures failed"
(( failures == 0 ))
