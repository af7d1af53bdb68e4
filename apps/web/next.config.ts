import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // @parley/schema ships TypeScript source, not a build.
  transpilePackages: ["@parley/schema"],
};

export default nextConfig;
