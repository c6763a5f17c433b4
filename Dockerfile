# Multi-stage build: compile once, ship only production dependencies and dist/.
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
# glibc raises its mmap threshold after the first large free, so each sign-in's 19 MiB argon2
# block then comes from a per-thread arena that keeps it: ~77 MiB of RSS held after a few sign-ins.
# A fixed threshold (set by this tunable) sends blocks over 4 MiB straight back to the system.
# bench/run.ts reads this line and runs the API with it.
ENV GLIBC_TUNABLES=glibc.malloc.mmap_threshold=4194304
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/migrations ./migrations
USER node
EXPOSE 3000
# The api by default; the worker service overrides the command.
CMD ["node", "dist/apps/api/src/main.js"]
