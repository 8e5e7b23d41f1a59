// The address a request comes from, for the limits counted per address (the sign-in
// throttle, sockets waiting to sign in). Behind a reverse proxy every connection comes from
// the proxy, so one person's guesses would lock everyone out; the proxy names the real
// client in X-Forwarded-For. That header is anyone's to write, so it is believed only from
// the proxies named in CONCORD_TRUSTED_PROXIES, and read from the right: each trusted proxy
// appends the address it received from, so the first address from the right that is not a
// trusted proxy is the client (anything left of it may be made up).
import net from "node:net";

/** The trusted proxies: addresses and CIDR ranges (`10.0.0.0/8`, `::1`), IPv4 or IPv6. */
export type TrustedProxies = net.BlockList;

/** Parses CONCORD_TRUSTED_PROXIES (comma-separated); null when unset: X-Forwarded-For is ignored. */
export function trustedProxies(value: string | undefined): TrustedProxies | null {
  const entries = (value ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
  if (entries.length === 0) return null;
  const list = new net.BlockList();
  for (const entry of entries) {
    const [address = "", bits, extra] = entry.split("/");
    const family = net.isIP(address);
    const prefix = bits === undefined ? undefined : Number(bits);
    const maxPrefix = family === 4 ? 32 : 128;
    if (family === 0 || extra !== undefined || (prefix !== undefined && !(Number.isInteger(prefix) && prefix >= 0 && prefix <= maxPrefix && bits !== ""))) {
      throw new Error(`CONCORD_TRUSTED_PROXIES must list IP addresses or CIDR ranges such as 10.0.0.0/8, separated by commas, not "${entry}".`);
    }
    const type = family === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, prefix, type);
  }
  return list;
}

/** An IPv4 address Node reports in IPv6 form (`::ffff:127.0.0.1`) as the IPv4 address it is. */
function plain(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1]! : address;
}

function isTrusted(trusted: TrustedProxies, address: string): boolean {
  const family = net.isIP(address);
  return family !== 0 && trusted.check(address, family === 4 ? "ipv4" : "ipv6");
}

/**
 * The client's address: the socket's peer, or, when that peer is a trusted proxy, the
 * rightmost address in X-Forwarded-For that is not one.
 */
export function clientAddress(remote: string | undefined, forwardedFor: string | string[] | undefined, trusted: TrustedProxies | null): string {
  const peer = remote ? plain(remote) : "unknown";
  if (!trusted || !forwardedFor || !isTrusted(trusted, peer)) return peer;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor)
    .split(",")
    .map((hop) => plain(hop.trim()))
    .filter(Boolean);
  let client = peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    // Not an address: the proxy was given something odd; stop at the last address believed.
    if (net.isIP(hop) === 0) break;
    client = hop;
    if (!isTrusted(trusted, hop)) break;
  }
  return client;
}
