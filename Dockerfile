# The whole app in one image: the sync server serving the built client.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY domain/package.json domain/
COPY device-bridge/package.json device-bridge/
COPY sync-server/package.json sync-server/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=8080
COPY package.json package-lock.json ./
COPY domain/package.json domain/
COPY device-bridge/package.json device-bridge/
COPY sync-server/package.json sync-server/
RUN npm ci --omit=dev --workspace sync-server --include-workspace-root=false --no-audit --no-fund
COPY --from=build /app/dist ./dist
USER node
EXPOSE 8080
CMD ["node", "dist/sync-server/main.mjs"]
