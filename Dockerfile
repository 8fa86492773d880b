# syntax=docker/dockerfile:1
# One image for the cms, the search-indexer and the site; compose.yaml picks the command of each.
# Written for docs/operations.md; Docker has no engine on the development machines, so this file
# has not been built there (see the guide).
ARG NODE_VERSION=24.21.0
ARG PG_MAJOR=17

FROM node:${NODE_VERSION}-bookworm-slim AS base
ENV PNPM_HOME=/pnpm PATH=/pnpm:$PATH \
    ASTRO_TELEMETRY_DISABLED=1 STRAPI_TELEMETRY_DISABLED=true npm_config_update_notifier=false
# corepack cannot verify pnpm's signatures on every network (DESIGN §6): the pinned pnpm from npm.
RUN npm install -g --no-fund --no-audit pnpm@10.34.8
WORKDIR /app

FROM base AS build
# Only needed when a native module has no prebuild for this platform (better-sqlite3, sharp).
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY pnpm-lock.yaml pnpm-workspace.yaml package.json ./
COPY shared/package.json shared/
COPY cms/package.json cms/
COPY search-indexer/package.json search-indexer/
COPY site/package.json site/
COPY tests/package.json tests/
RUN pnpm install --frozen-lockfile --reporter=append-only
COPY . .
# The cms is built without NODE_ENV=production: `strapi build` loads the configuration, which
# refuses placeholder secrets in production, and the image holds no secrets.
RUN pnpm --filter @droomkaart/shared build \
 && NODE_OPTIONS=--max-old-space-size=4096 pnpm --filter @droomkaart/cms build \
 && pnpm --filter @droomkaart/site build

FROM base AS runtime
ARG PG_MAJOR
# pg_dump/pg_restore of the server's major version for `node scripts/backup.ts` (PGDG packages;
# Debian bookworm itself has 15), curl for nothing but this step.
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl \
 && install -d /usr/share/postgresql-common/pgdg \
 && curl -fsSLo /usr/share/postgresql-common/pgdg/apt.postgresql.org.asc https://www.postgresql.org/media/keys/ACCC4CF8.asc \
 && echo "deb [signed-by=/usr/share/postgresql-common/pgdg/apt.postgresql.org.asc] https://apt.postgresql.org/pub/repos/apt bookworm-pgdg main" > /etc/apt/sources.list.d/pgdg.list \
 && apt-get update && apt-get install -y --no-install-recommends postgresql-client-${PG_MAJOR} \
 && apt-get purge -y curl && apt-get autoremove -y && rm -rf /var/lib/apt/lists/*
# The whole built workspace: the indexer runs from its TypeScript source (Node 24 strips types),
# the cms from cms/dist, the site from site/dist; the backup scripts from scripts/.
COPY --from=build --chown=node:node /app /app
# Mount points of the volumes, owned by the user the services run as (a new named volume takes
# the ownership of the folder it is mounted on).
RUN install -d -o node -g node /data/cms/public/uploads /data/site /data/indexer /backups
ARG DROOMKAART_VERSION=unknown
ENV NODE_ENV=production DROOMKAART_VERSION=${DROOMKAART_VERSION}
USER node
