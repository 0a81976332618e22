#!/usr/bin/env bash
# System packages the tests need, from Debian's repositories. Nothing is started here:
# tests start their own servers on 127.0.0.1 and stop them.
set -euo pipefail
needed=(redis-server chromium)
# Add Debian package names here as test suites come to need them (e.g. redis-server).
if [ "${#needed[@]}" -eq 0 ]; then exit 0; fi
missing=()
for package in "${needed[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi
