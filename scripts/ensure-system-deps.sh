#!/usr/bin/env bash
# Chromium (for Playwright), nginx (for the cluster) and Prometheus (the cluster's local metrics)
# come from Debian's packages. Installs
# them when missing and we are root on Debian; otherwise says exactly what to install.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || [[ -x /usr/bin/chromium ]] || missing+=(chromium)
command -v nginx >/dev/null 2>&1 || [[ -x /usr/sbin/nginx ]] || missing+=(nginx-light)
command -v prometheus >/dev/null 2>&1 || [[ -x /usr/bin/prometheus ]] || missing+=(prometheus)
[[ ${#missing[@]} -eq 0 ]] && exit 0
if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
  echo "[deps] installing ${missing[*]} from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  exit 0
fi
echo "ShootQ's tests need: ${missing[*]}. Install them with: sudo apt-get install -y ${missing[*]}" >&2
exit 1
