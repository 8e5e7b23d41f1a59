// Whether the server keeps serving while it handles one heavy request: the request is sent,
// and while it is under way /api/health is asked. Order, not time, is the evidence: a server
// whose event loop is busy with the heavy request answers health only after it.

export interface HeavyOutcome {
  status: number;
  body: { error?: { code: string; message: string } } & Record<string, unknown>;
  healthStatus: number;
  /** "health" and "request", in the order their answers arrived. */
  order: string[];
}

export async function whileCheckingHealth(url: string, send: () => Promise<Response>): Promise<HeavyOutcome> {
  const order: string[] = [];
  const sending = send().then(async (response) => {
    order.push("request");
    return { status: response.status, body: (await response.json()) as HeavyOutcome["body"] };
  });
  // Let the server receive the heavy request first, so health is asked while it is handled.
  await new Promise((resolve) => setTimeout(resolve, 200));
  const health = await fetch(`${url}/api/health`);
  order.push("health");
  return { ...(await sending), healthStatus: health.status, order };
}
