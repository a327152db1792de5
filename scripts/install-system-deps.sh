#!/usr/bin/env bash
# Installs the Debian packages the real-registry end-to-end tests use (a registry server and skopeo).
# Skips what is already present; needs root (as on CI) or passwordless sudo.
set -euo pipefail
need=()
command -v skopeo >/dev/null || need+=(skopeo)
[ -x /usr/bin/docker-registry ] || need+=(docker-registry)
command -v htpasswd >/dev/null || need+=(apache2-utils)
[ ${#need[@]} -eq 0 ] && { echo "system packages present"; exit 0; }
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
echo "installed: ${need[*]}"
