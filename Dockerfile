# syntax=docker/dockerfile:1
# Production image: the compiled bot (npm run build) on plain node, as a non-root user.
#   docker build -t egov-report-bot .
#   docker run --env-file .env -p 8080:8080 -v egov-data:/app/data egov-report-bot
# See docs/deploy.md (compose.yaml runs PostgreSQL, two instances and a reverse proxy).
ARG NODE_IMAGE=node:20-bookworm-slim

# ── build: every dependency (TypeScript, the Prisma generator), then dist/ ─────────────────────
FROM ${NODE_IMAGE} AS build
# better-sqlite3 compiles from source when no prebuilt binary can be fetched.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts ./scripts
COPY prisma ./prisma
# postinstall generates both Prisma clients into bot/db/generated (offline, WASM engines).
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY bot ./bot
COPY core ./core
RUN npm run build

# ── runtime dependencies only ──────────────────────────────────────────────────────────────────
FROM ${NODE_IMAGE} AS deps
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
# No postinstall here (the clients are compiled into dist/); only the native SQLite driver is built.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm rebuild better-sqlite3

# ── runtime ────────────────────────────────────────────────────────────────────────────────────
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=8080 \
    DATABASE_URL=file:/app/data/egov.db \
    EVIDENCE_DIR=/app/data/evidence
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# What the compiled code reads from the project root at run time: translations, the shipped
# criteria sets, and the migrations applied at start-up.
COPY package.json ./
COPY locales ./locales
COPY core/criteria/sets ./core/criteria/sets
COPY prisma/sqlite/migrations ./prisma/sqlite/migrations
COPY prisma/postgresql/migrations ./prisma/postgresql/migrations
RUN mkdir -p /app/data && chown node:node /app/data
USER node
VOLUME ["/app/data"]
EXPOSE 8080
# /readyz: the database answers with every migration applied and the chat channels are up.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/bot/main.js"]
