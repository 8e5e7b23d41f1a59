// Whether a link points at this computer only (127.0.0.0/8, ::1, localhost): Concord's
// default address, which a colleague's browser would resolve to their own machine.

const LOOPBACK_HOST = /^(localhost|.+\.localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

export function opensOnlyOnThisComputer(url: string): boolean {
  try {
    return LOOPBACK_HOST.test(new URL(url).hostname);
  } catch {
    return false;
  }
}
