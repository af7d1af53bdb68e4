import type { NextConfig } from "next";
import { SECURITY_HEADERS } from "./src/shared/security-headers.ts";

const nextConfig: NextConfig = {
  // @parley/schema ships TypeScript source, not a build.
  transpilePackages: ["@parley/schema"],
  // A report uploaded on /review (an HTML page) goes through a server action; the API takes up to 6 MB from an editor.
  experimental: { serverActions: { bodySizeLimit: "6mb" } },
  // On every path, static files included; the CSP with its nonce comes from src/proxy.ts.
  async headers() {
    return [{ source: "/:path*", headers: Object.entries(SECURITY_HEADERS).map(([key, value]) => ({ key, value })) }];
  },
};

export default nextConfig;
