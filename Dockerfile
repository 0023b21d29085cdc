# Duet sync server image: one node. Single machine: mount a volume at /data and run with `--data /data`.
# Cluster: set DUET_DATABASE_URL and DUET_REDIS_URL (see docker-compose.yml and docs/DEPLOYING.md).
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: the desktop app's dev dependencies (Electron) need not download anything here.
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY . .
RUN node node_modules/vite/bin/vite.js build -c server/vite.config.ts --logLevel warn

FROM node:22-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --omit=optional --no-audit --no-fund --ignore-scripts && npm cache clean --force
COPY --from=build /app/out/server ./out/server
RUN mkdir /data && chown node:node /data
USER node
EXPOSE 4455
HEALTHCHECK --interval=10s --timeout=3s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:4455/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["node", "out/server/cli.mjs"]
CMD ["--port", "4455", "--host", "0.0.0.0", "--data", "/data"]
