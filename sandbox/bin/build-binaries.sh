#!/usr/bin/env bash
# Builds the sandbox's control-plane binaries from Go modules into a cache keyed by
# module and version (outside the repository, so CI and later runs reuse them).
# A binary is only built when neither TEST_ASSET_<NAME>, KUBEBUILDER_ASSETS nor the
# cache already provides it. Usage: sandbox/bin/build-binaries.sh [name...]
set -euo pipefail

HERE="$(cd "$(dirname "$0")/.." && pwd)"
CACHE="${KUBE_BIND_PORTAL_CACHE:-$HOME/.cache/kube-bind-portal}"
export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS=-mod=mod

K8S_VERSION=v1.35.4
ETCD_VERSION=v3.6.16
KRO_VERSION=v0.9.4

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

want() { [[ $# -eq 0 ]] && return 0; local n; for n in "${WANT[@]}"; do [[ $n == "$1" ]] && return 0; done; return 1; }
WANT=("$@")
sel() { [[ ${#WANT[@]} -eq 0 ]] || want "$1"; }

sel etcd && build etcd etcd go.etcd.io/etcd/server/v3 "$ETCD_VERSION"
sel kro && build kro kro github.com/kubernetes-sigs/kro/cmd/controller "$KRO_VERSION"
sel kube-apiserver && build kube-apiserver kubernetes k8s.io/kubernetes/cmd/kube-apiserver "$K8S_VERSION" "$(k8s_ldflags)"
sel kube-controller-manager && build kube-controller-manager kubernetes k8s.io/kubernetes/cmd/kube-controller-manager "$K8S_VERSION" "$(k8s_ldflags)"
sel kubectl && build kubectl kubernetes k8s.io/kubernetes/cmd/kubectl "$K8S_VERSION" "$(k8s_ldflags)"
log "all requested binaries are ready in $CACHE"
