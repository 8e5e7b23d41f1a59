import { describe, expect, it } from "vitest";
import { opensOnlyOnThisComputer } from "./loopback";

describe("opensOnlyOnThisComputer", () => {
  it.each(["http://127.0.0.1:3000/invite/x", "http://127.8.9.10/invite/x", "http://localhost:3000/x", "http://app.localhost/x", "http://[::1]:3000/x"])(
    "is true for %s",
    (url) => expect(opensOnlyOnThisComputer(url)).toBe(true),
  );
  it.each(["https://concord.example.ac.uk/invite/x", "http://192.168.1.20:3000/x", "http://127.0.0.1.example.org/x", "not a url"])(
    "is false for %s",
    (url) => expect(opensOnlyOnThisComputer(url)).toBe(false),
  );
});
