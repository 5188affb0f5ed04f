// Wrapper module for kube-bind's CLI, konnector and backend, used only where a Go module proxy
// serves github.com/kube-bind/kube-bind (sandbox/bin/build-binaries.sh tries the release tarball
// first). No go.sum: the first build resolves it.
module portal.local/sandbox/kube-bind

go 1.26.0

tool (
	github.com/kube-bind/kube-bind/cli/cmd/kubectl-bind
	github.com/kube-bind/kube-bind/cmd/backend
	github.com/kube-bind/kube-bind/cmd/konnector
)

require (
	github.com/kube-bind/kube-bind v0.8.1
	github.com/kube-bind/kube-bind/cli v0.8.1
	github.com/kube-bind/kube-bind/sdk v0.8.1
)
