/** The WebSocket address of the collaboration server: the page's own host, under /collab. */
export function collabUrl(): string {
  const scheme = window.location.protocol === "https:" ? "wss" : "ws";
  return `${scheme}://${window.location.host}/collab`;
}
