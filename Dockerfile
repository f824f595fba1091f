# Tribune: one image for every node. Three stages so the final image holds only what runs:
# the built server and pages, production dependencies, and Node; no compiler, no sources.
ARG NODE_IMAGE=node:22-bookworm-slim

# 1. Build: every dependency, then `npm run build` (server with tsc, pages with Vite).
FROM ${NODE_IMAGE} AS build
WORKDIR /app
# better-sqlite3 and bufferutil are native: compiled here if no prebuilt binary fits the platform.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# 2. The runtime's node_modules: `npm ci --omit=dev` on the runtime's own base image (same Node
#    ABI and glibc as stage 3), with the toolchain a native addon may need kept out of stage 3.
FROM ${NODE_IMAGE} AS runtime-deps
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# 3. Runtime: small, non-root, code owned by root (the app cannot rewrite itself).
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0 DATA_DIR=/data
WORKDIR /app
COPY package.json ./
COPY --from=runtime-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The example programmes: `--demo` imports one, and the README imports one in its first commands.
COPY docs/examples ./docs/examples
# DATA_DIR holds the SQLite file (no REDIS_URL) or the generated admin token (no ADMIN_TOKEN).
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
# Liveness only: readiness (/readyz: store and Redis adapter connected) is the balancer's check.
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# main.ts closes cleanly on SIGTERM: readiness down, sockets told to reconnect elsewhere,
# this node's presence removed from Redis, Redis connections quit.
STOPSIGNAL SIGTERM
CMD ["node", "dist/server/main.js"]
