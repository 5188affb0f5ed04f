#!/usr/bin/env bash
# Builds the sandbox's control-plane binaries from Go modules into a cache keyed by
# module and version (outside the repository, so CI and later runs reuse them).
# A binary is only built when neither TEST_ASSET_<NAME>, KUBEBUILDER_ASSETS nor the
# cache already provides it. kube-bind (kubectl-bind, konnector, backend and its CRDs) comes
# from KUBE_BIND_ASSETS, the cache, the release tarball beside the repository
# (../shared/kube-bind/), or a wrapper module, in that order (see prepare_kube_bind).
# Usage: sandbox/bin/build-binaries.sh [name...]   (names: etcd kro kube-apiserver
# kube-controller-manager kubectl kube-bind)
set -euo pipefail

HERE="$(cd "$(dirname "$0")/.." && pwd)"
CACHE="${KUBE_BIND_PORTAL_CACHE:-$HOME/.cache/kube-bind-portal}"
export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS=-mod=mod

K8S_VERSION=v1.35.4
ETCD_VERSION=v3.6.16
KRO_VERSION=v0.9.4
KUBE_BIND_VERSION=v0.8.1
KUBE_BIND_TARBALL="${KUBE_BIND_TARBALL:-$HERE/../../shared/kube-bind/kube-bind-$KUBE_BIND_VERSION-linux-amd64.tar.xz}"

log() { printf '[sandbox build] %s\n' "$*" >&2; }

# asset_var NAME -> TEST_ASSET_<NAME> (upper case, non-alphanumerics as _)
asset_var() { echo "TEST_ASSET_$(echo "$1" | tr '[:lower:]' '[:upper:]' | tr -c 'A-Z0-9\n' '_')"; }

provided() {
  local name=$1 var
  var=$(asset_var "$name")
  if [[ -n "${!var:-}" && -x "${!var}" ]]; then log "$name: using \$$var"; return 0; fi
  if [[ -n "${KUBEBUILDER_ASSETS:-}" && -x "$KUBEBUILDER_ASSETS/$name" ]]; then
    log "$name: using \$KUBEBUILDER_ASSETS"; return 0
  fi
  return 1
}

# build NAME DIR PKG VERSION [LDFLAGS]: builds PKG from the wrapper module in DIR.
build() {
  local name=$1 dir=$2 pkg=$3 version=$4 ldflags=${5:-"-s -w"}
  local out="$CACHE/$(basename "$dir")@$version"
  if provided "$name"; then return 0; fi
  if [[ -x "$out/$name" ]]; then log "$name: cached ($out)"; return 0; fi
  mkdir -p "$out"
  log "$name: building $pkg@$version (cold builds take minutes on 2 cores)"
  local start=$SECONDS
  ( while sleep 30; do log "$name: still building, $((SECONDS - start))s"; done ) &
  local ticker=$!
  local rc=0
  (cd "$HERE/go/$dir" && go build -trimpath -ldflags "$ldflags" -o "$out/$name.tmp" "$pkg") || rc=$?
  kill "$ticker" 2>/dev/null || true
  wait "$ticker" 2>/dev/null || true
  if [[ $rc -ne 0 ]]; then log "$name: build FAILED after $((SECONDS - start))s"; return $rc; fi
  mv "$out/$name.tmp" "$out/$name"
  log "$name: built in $((SECONDS - start))s -> $out/$name"
}

k8s_ldflags() {
  local minor ldf="-s -w"
  minor=$(echo "$K8S_VERSION" | cut -d. -f2)
  for p in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    ldf="$ldf -X $p.gitVersion=$K8S_VERSION -X $p.gitMajor=1 -X $p.gitMinor=$minor"
    ldf="$ldf -X $p.gitTreeState=clean -X $p.buildDate=2026-01-01T00:00:00Z"
  done
  echo "$ldf"
}

# A kube-bind release folder: bin/{kubectl-bind,konnector,backend} and crds/*.yaml.
kube_bind_complete() {
  local dir=$1 b
  for b in kubectl-bind konnector backend; do [[ -x "$dir/bin/$b" ]] || return 1; done
  compgen -G "$dir/crds/*.yaml" >/dev/null
}

# extract_kube_bind TARBALL OUT: unpacks a release tarball into OUT, checking its SHA256SUMS
# (and TARBALL.sha256 when it exists) before anything lands in OUT.
extract_kube_bind() {
  local tarball=$1 out=$2 tmp root
  if [[ -f "$tarball.sha256" ]]; then
    (cd "$(dirname "$tarball")" && sha256sum --quiet -c "$(basename "$tarball").sha256") ||
      { log "kube-bind: $tarball does not match its .sha256"; return 1; }
  fi
  mkdir -p "$(dirname "$out")"
  tmp=$(mktemp -d "$(dirname "$out")/.kube-bind.XXXXXX")
  tar -xJf "$tarball" -C "$tmp"
  root=$(find "$tmp" -mindepth 1 -maxdepth 1 -type d | head -n 1)
  if [[ -z "$root" || ! -f "$root/SHA256SUMS" ]] || ! (cd "$root/bin" && sha256sum --quiet -c ../SHA256SUMS); then
    log "kube-bind: $tarball has no valid SHA256SUMS for bin/"
    rm -rf "$tmp"
    return 1
  fi
  rm -rf "$out"
  mv "$root" "$out"
  rm -rf "$tmp"
  kube_bind_complete "$out"
}

# kube-bind's Go modules, where a module proxy serves them: CLI, konnector and backend from the
# wrapper module sandbox/go/kube-bind, the CRDs from the module's deploy/crd.
build_kube_bind() {
  local out=$1 tmp dir b
  tmp="$out.tmp"
  rm -rf "$tmp"
  mkdir -p "$tmp/bin" "$tmp/crds"
  local ldflags="-s -w -X k8s.io/client-go/pkg/version.gitVersion=v1.36.0+kube-bind-$KUBE_BIND_VERSION"
  for b in cli/cmd/kubectl-bind cmd/konnector cmd/backend; do
    (cd "$HERE/go/kube-bind" && go build -trimpath -ldflags "$ldflags" -o "$tmp/bin/$(basename "$b")" \
      "github.com/kube-bind/kube-bind/$b") || { rm -rf "$tmp"; return 1; }
  done
  dir=$(cd "$HERE/go/kube-bind" && go mod download -json "github.com/kube-bind/kube-bind@$KUBE_BIND_VERSION" |
    sed -n 's/^[[:space:]]*"Dir": "\(.*\)",*$/\1/p')
  cp "$dir"/deploy/crd/*.yaml "$tmp/crds/" || { rm -rf "$tmp"; return 1; }
  rm -rf "$out"
  mv "$tmp" "$out"
}

prepare_kube_bind() {
  local out="$CACHE/kube-bind@$KUBE_BIND_VERSION"
  if [[ -n "${KUBE_BIND_ASSETS:-}" ]]; then
    if [[ -d "$KUBE_BIND_ASSETS" ]] && kube_bind_complete "$KUBE_BIND_ASSETS"; then
      log "kube-bind: using \$KUBE_BIND_ASSETS ($KUBE_BIND_ASSETS)"; return 0
    fi
    if [[ -f "$KUBE_BIND_ASSETS" ]]; then
      log "kube-bind: extracting \$KUBE_BIND_ASSETS into $out"
      extract_kube_bind "$KUBE_BIND_ASSETS" "$out" && return 0
    fi
    log "kube-bind: \$KUBE_BIND_ASSETS=$KUBE_BIND_ASSETS is neither a release folder (bin/, crds/) nor a release tarball"
    return 1
  fi
  if kube_bind_complete "$out"; then log "kube-bind: cached ($out)"; return 0; fi
  if [[ -f "$KUBE_BIND_TARBALL" ]]; then
    log "kube-bind: extracting $(basename "$KUBE_BIND_TARBALL") into $out"
    extract_kube_bind "$KUBE_BIND_TARBALL" "$out" && return 0
  fi
  log "kube-bind: building $KUBE_BIND_VERSION from Go modules (sandbox/go/kube-bind)"
  if build_kube_bind "$out" 2>&1 | tail -n 5 >&2 && kube_bind_complete "$out"; then return 0; fi
  log "kube-bind $KUBE_BIND_VERSION is not available. Provide one of:"
  log "  KUBE_BIND_ASSETS=<release folder with bin/ and crds/, or kube-bind-$KUBE_BIND_VERSION-linux-amd64.tar.xz>"
  log "  the release tarball at ../shared/kube-bind/ beside the repository (extracted into $out)"
  log "  a Go module proxy that serves github.com/kube-bind/kube-bind $KUBE_BIND_VERSION (sandbox/go/kube-bind)"
  return 1
}

want() { [[ $# -eq 0 ]] && return 0; local n; for n in "${WANT[@]}"; do [[ $n == "$1" ]] && return 0; done; return 1; }
WANT=("$@")
sel() { [[ ${#WANT[@]} -eq 0 ]] || want "$1"; }

sel etcd && build etcd etcd go.etcd.io/etcd/server/v3 "$ETCD_VERSION"
sel kro && build kro kro github.com/kubernetes-sigs/kro/cmd/controller "$KRO_VERSION"
sel kube-apiserver && build kube-apiserver kubernetes k8s.io/kubernetes/cmd/kube-apiserver "$K8S_VERSION" "$(k8s_ldflags)"
sel kube-controller-manager && build kube-controller-manager kubernetes k8s.io/kubernetes/cmd/kube-controller-manager "$K8S_VERSION" "$(k8s_ldflags)"
sel kubectl && build kubectl kubernetes k8s.io/kubernetes/cmd/kubectl "$K8S_VERSION" "$(k8s_ldflags)"
sel kube-bind && prepare_kube_bind
log "all requested binaries are ready in $CACHE"
