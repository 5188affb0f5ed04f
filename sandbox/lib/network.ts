// The sandbox's emulated multi-cluster network. In the guide, the provider's `backend`
// EndpointSlice points at the consumer node's IP. The API server rejects loopback addresses in
// EndpointSlices, and the sandbox must only ever send traffic to loopback, so the "consumer node"
// gets an address from a documentation range (TEST-NET-2, routed nowhere) and the emulated data
// plane dials it on 127.0.0.1, where the echo backend listens.

/** The consumer node's address as the provider's EndpointSlice shows it. */
export const CONSUMER_NODE_ADDRESS = "198.51.100.10";

export function endpointAddress(): string {
  return CONSUMER_NODE_ADDRESS;
}

/**
 * Where the emulated network delivers traffic for an endpoint address: the consumer node maps to
 * loopback, loopback stays loopback, and anything else is unreachable (null): the sandbox never
 * sends traffic off this machine.
 */
export function dialAddress(address: string): string | null {
  if (address === CONSUMER_NODE_ADDRESS) return "127.0.0.1";
  if (address.startsWith("127.") || address === "::1") return address;
  return null;
}
