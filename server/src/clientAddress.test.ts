import { describe, expect, it } from "vitest";
import { clientAddress, trustedProxies } from "./clientAddress";

describe("clientAddress", () => {
  const proxies = trustedProxies("127.0.0.1, 10.0.0.0/8, ::1");

  it("ignores X-Forwarded-For without trusted proxies, or from a peer that is not one", () => {
    expect(clientAddress("203.0.113.9", "198.51.100.7", null)).toBe("203.0.113.9");
    expect(clientAddress("203.0.113.9", "198.51.100.7", proxies)).toBe("203.0.113.9");
  });

  it("takes the rightmost address that is not a trusted proxy, so a forged left part is ignored", () => {
    expect(clientAddress("127.0.0.1", "198.51.100.7", proxies)).toBe("198.51.100.7");
    expect(clientAddress("::ffff:127.0.0.1", "6.6.6.6, 198.51.100.7, 10.1.2.3", proxies)).toBe("198.51.100.7");
    expect(clientAddress("::1", ["6.6.6.6", "2001:db8::5"], proxies)).toBe("2001:db8::5");
  });

  it("stops at what is not an address, and keeps the proxy's own address when nothing is forwarded", () => {
    expect(clientAddress("127.0.0.1", "198.51.100.7, junk", proxies)).toBe("127.0.0.1");
    expect(clientAddress("127.0.0.1", undefined, proxies)).toBe("127.0.0.1");
    expect(clientAddress("127.0.0.1", "10.0.0.5", proxies)).toBe("10.0.0.5");
  });

  it("refuses a setting that is not a list of addresses and ranges", () => {
    expect(trustedProxies(undefined)).toBeNull();
    expect(trustedProxies(" ")).toBeNull();
    for (const bad of ["proxy.example.org", "10.0.0.0/33", "10.0.0.0/", "::1/129", "1.2.3.4/8/1"]) {
      expect(() => trustedProxies(bad), bad).toThrow(/CONCORD_TRUSTED_PROXIES/);
    }
  });
});
