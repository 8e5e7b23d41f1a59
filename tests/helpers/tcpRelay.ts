// A TCP relay from a local port to a service (PostgreSQL, Redis) that can refuse
// connections and accept them again on the same port: a real outage, without stopping the
// machine's own service that other tests share.
import net from "node:net";

/** A relay to `port` on `host` that can refuse connections (closed) and open again. */
export async function tcpRelay(targetPort: number, targetHost = "127.0.0.1") {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, targetHost);
    for (const [a, b] of [[client, upstream], [upstream, client]] as const) {
      sockets.add(a);
      a.on("error", () => b.destroy());
      a.on("close", () => (sockets.delete(a), b.destroy()));
      a.pipe(b);
    }
  });
  const listen = (port: number) => new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  await listen(0);
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    /** Drops every connection and refuses new ones, as a service that went away. */
    async refuse() {
      const closed = new Promise((resolve) => server.close(resolve));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
    accept: () => listen(port),
    close: () => new Promise((resolve) => (server.listening ? server.close(resolve) : resolve(undefined))),
  };
}
