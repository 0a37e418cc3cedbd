import { describe, expect, it } from "vitest";
import { clientAddress, clientIpFrom, CLIENT_IP_HEADER } from "./client-ip";

describe("clientAddress", () => {
  it("takes the socket's peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddress("203.0.113.9", "1.1.1.1", 0)).toBe("203.0.113.9");
    expect(clientAddress("::ffff:203.0.113.9", undefined, 0)).toBe("203.0.113.9");
  });
  it("behind one trusted proxy, believes only the entry that proxy appended", () => {
    // The client sent "1.1.1.1" itself; the proxy appended the peer it saw.
    expect(clientAddress("10.0.0.2", "1.1.1.1, 198.51.100.7", 1)).toBe("198.51.100.7");
    expect(clientAddress("10.0.0.2", "198.51.100.7", 1)).toBe("198.51.100.7");
  });
  it("behind two, the entry the outer proxy appended", () => {
    expect(clientAddress("10.0.0.3", ["6.6.6.6, 198.51.100.7", "10.0.0.2"], 2)).toBe("198.51.100.7");
  });
  it("falls back to the peer when the header is missing or not an address", () => {
    expect(clientAddress("10.0.0.2", "", 1)).toBe("10.0.0.2");
    expect(clientAddress("10.0.0.2", "<script>", 1)).toBe("10.0.0.2");
    expect(clientAddress(undefined, undefined, 0)).toBeNull();
  });
  it("the app reads only the header the server sets", () => {
    const h = new Headers({ "x-forwarded-for": "1.1.1.1", "x-real-ip": "2.2.2.2" });
    expect(clientIpFrom(h)).toBeNull();
    h.set(CLIENT_IP_HEADER, "198.51.100.7");
    expect(clientIpFrom(h)).toBe("198.51.100.7");
  });
});
