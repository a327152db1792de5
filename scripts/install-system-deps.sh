#!/usr/bin/env bash
# Installs the Debian packages the real-registry and workflow tests use (a registry server, skopeo, and
# openssl for the certificates of the test internet, rsync for gitlab-ci-local).
# Skips what is already present; needs root (as on CI) or passwordless sudo.
set -euo pipefail
need=()
command -v skopeo >/dev/null || need+=(skopeo)
[ -x /usr/bin/docker-registry ] || need+=(docker-registry)
command -v htpasswd >/dev/null || need+=(apache2-utils)
command -v openssl >/dev/null || need+=(openssl)
command -v rsync >/dev/null || need+=(rsync)
[ ${#need[@]} -eq 0 ] && { echo "system packages present"; exit 0; }
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
echo "installed: ${need[*]}"
