#!/usr/bin/env bash
# Installs the Debian packages the tests use: a registry server and skopeo (real-registry end-to-end tests),
# openssl for the certificates of the test internet (workflow tests), rsync for gitlab-ci-local, and
# faketime (the lease load test runs a sweep with the clock ahead).
# Skips what is already present; needs root (as on CI) or passwordless sudo.
set -euo pipefail
need=()
command -v skopeo >/dev/null || need+=(skopeo)
[ -x /usr/bin/docker-registry ] || need+=(docker-registry)
command -v htpasswd >/dev/null || need+=(apache2-utils)
command -v openssl >/dev/null || need+=(openssl)
command -v rsync >/dev/null || need+=(rsync)
command -v faketime >/dev/null || need+=(faketime)
[ ${#need[@]} -eq 0 ] && { echo "system packages present"; exit 0; }
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
echo "installed: ${need[*]}"
