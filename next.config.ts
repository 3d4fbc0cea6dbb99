import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Loaded from node_modules at run time: PGlite reads its wasm/data files by URL,
  // pg-boss and sharp/ffmpeg ship native or binary parts.
  serverExternalPackages: ["@electric-sql/pglite", "pg-boss", "sharp", "@ffmpeg-installer/ffmpeg"],
  poweredByHeader: false,
  typedRoutes: false,
  // For profiling the editor (bench/profile-editor.ts): maps that name the source of each sample.
  productionBrowserSourceMaps: process.env.GALAXY_BROWSER_SOURCE_MAPS === "1",
};

export default nextConfig;
