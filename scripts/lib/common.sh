# Shared set-up for scripts/shellac and scripts/test: install what is missing, configure, build.
# Sourced, not executed. Needs bash.

SHELLAC_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SHELLAC_BUILD_DIR="${SHELLAC_BUILD_DIR:-$SHELLAC_ROOT/build}"

# Debian 12 packages needed to build, test and run Shellac.
SHELLAC_PACKAGES=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-multimedia-dev qt6-tools-dev qt6-tools-dev-tools
    qt6-l10n-tools qt6-qpa-plugins libgl-dev
    libqcustomplot-dev libqcustomplot2.1-qt6
    libtorch-dev libopenblas0-pthread
    libsndfile1-dev libfftw3-dev libsoxr-dev
    util-linux
)

shellac_log() { printf '\033[1mshellac:\033[0m %s\n' "$*" >&2; }

shellac_missing_packages() {
    local pkg
    for pkg in "${SHELLAC_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}\n' "$pkg" 2>/dev/null | grep -q '^install ok installed$' || echo "$pkg"
    done
}

shellac_install_packages() {
    local missing
    missing=$(shellac_missing_packages | tr '\n' ' ')
    [ -z "${missing// /}" ] && return 0
    if ! command -v apt-get >/dev/null; then
        shellac_log "missing packages ($missing) and no apt-get: install them with your package manager"
        return 1
    fi
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || { shellac_log "need root (or sudo) to install: $missing"; return 1; }
        sudo=(sudo)
    fi
    shellac_log "installing missing packages: $missing"
    export DEBIAN_FRONTEND=noninteractive
    # An empty package list (fresh container) needs an update before anything installs.
    if ! compgen -G "/var/lib/apt/lists/*_Packages" >/dev/null; then
        "${sudo[@]}" apt-get update -q || return 1
    fi
    # shellcheck disable=SC2086
    if ! "${sudo[@]}" apt-get install -y -q --no-install-recommends $missing; then
        shellac_log "install failed; refreshing the package lists and trying again"
        "${sudo[@]}" apt-get update -q || return 1
        # shellcheck disable=SC2086
        "${sudo[@]}" apt-get install -y -q --no-install-recommends $missing || return 1
    fi
}

shellac_build() {
    local jobs
    jobs=$(nproc 2>/dev/null || echo 2)
    if [ ! -f "$SHELLAC_BUILD_DIR/CMakeCache.txt" ]; then
        shellac_log "configuring into $SHELLAC_BUILD_DIR"
        cmake -S "$SHELLAC_ROOT" -B "$SHELLAC_BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release || return 1
    fi
    shellac_log "building (incremental, $jobs jobs)"
    cmake --build "$SHELLAC_BUILD_DIR" --parallel "$jobs" || return 1
}
