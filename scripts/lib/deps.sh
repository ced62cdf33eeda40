#!/usr/bin/env bash
# Installs the Debian packages Storekeep needs to build and test, and only those missing.
# Sourced by scripts/run and scripts/test; can also be run on its own.
set -euo pipefail

STOREKEEP_DEBIAN_PACKAGES=(
    qt6-base-dev qt6-charts-dev qtkeychain-qt6-dev qt6-tools-dev qt6-l10n-tools qt6-tools-dev-tools
    qt6-httpserver-dev qt6-websockets-dev
    libcurl4-openssl-dev libssl-dev libsqlite3-dev libgl-dev libsimdjson-dev
    xvfb xauth dbus-daemon gnome-keyring
    ninja-build cmake g++ sqlite3
    nodejs npm
)

# Packages that count as present when their command is, whatever package brought it: a
# NodeSource nodejs ships npm itself and conflicts with Debian's npm package.
declare -A STOREKEEP_PACKAGE_COMMANDS=([nodejs]=node [npm]=npm)

storekeep_missing_packages() {
    local pkg status
    for pkg in "${STOREKEEP_DEBIAN_PACKAGES[@]}"; do
        if [ -n "${STOREKEEP_PACKAGE_COMMANDS[$pkg]:-}" ] && command -v "${STOREKEEP_PACKAGE_COMMANDS[$pkg]}" >/dev/null 2>&1; then
            continue
        fi
        status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
        if [ "$status" != "installed" ]; then
            printf '%s\n' "$pkg"
        fi
    done
}

storekeep_install_deps() {
    if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
        echo "deps: not a Debian-like system; install the packages listed in README.md by hand." >&2
        return 0
    fi
    local missing
    mapfile -t missing < <(storekeep_missing_packages)
    if [ "${#missing[@]}" -eq 0 ]; then
        return 0
    fi
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        if ! command -v sudo >/dev/null 2>&1; then
            echo "deps: missing packages (${missing[*]}), and sudo is not available to install them." >&2
            return 1
        fi
        sudo=(sudo)
    fi
    echo "deps: installing ${missing[*]}"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# Run directly: install and say so.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    storekeep_install_deps
fi
