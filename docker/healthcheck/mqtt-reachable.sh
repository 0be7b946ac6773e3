#!/bin/bash
# HEALTHCHECK of the simulator image, which serves no HTTP: healthy while the broker it publishes to
# (STOCKSENSE_MQTT_URL, or the first argument) accepts a TCP connection. Needs only bash and coreutils,
# both in the eclipse-temurin (Ubuntu) base image. Exit 0 = healthy, 1 = unhealthy.
set -u
url=${1:-${STOCKSENSE_MQTT_URL:-tcp://127.0.0.1:1883}}
rest=${url#*://}          # drop tcp:// (or ssl://, ws://)
rest=${rest##*@}          # drop user:password@, never printed
rest=${rest%%/*}          # drop any path
host=${rest%:*}
port=${rest##*:}
[ "$host" = "$rest" ] && port=1883   # no port given
host=${host#[}; host=${host%]}       # [::1] -> ::1
if timeout 3 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$host" "$port" 2>/dev/null; then
    exit 0
fi
echo "broker $host:$port not reachable" >&2
exit 1
