# One image for every role in deploy/kubernetes/: the arm servers (`npm run serve`), the load shards
# (`npm run bench -- --shard …`) and the collector's merge (`npm run merge`). Build from the repository root:
#   docker build -t REGISTRY/grpc-rest-bench:TAG .
# Node 22 on Debian's slim image; the package's engines allow 20.18+, 22 and 24 (NODE_VERSION=24 works too).
ARG NODE_VERSION=22
FROM node:${NODE_VERSION}-bookworm-slim

# curl: the shard and collector scripts (deploy/kubernetes/scripts/) upload reports and agree the start time over
# HTTP. util-linux (taskset, for pinning the load generator) is already in the base image.
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl ca-certificates \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
# Dependencies first, so editing the sources does not reinstall them. Every dependency, dev ones included: the
# scripts run TypeScript through tsx (a devDependency) — nothing is compiled ahead.
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund && npm cache clean --force
COPY . .

# The node image's unprivileged user (uid 1000): the manifests run as it (runAsNonRoot). It owns nothing in /app;
# reports go to --out directories under /tmp or mounted volumes.
USER node
# No NODE_ENV: express and fastify would then behave unlike the local runs these figures are compared with.
# Without arguments the image prints the bench usage; the manifests give each container its own command.
CMD ["npm", "run", "bench", "--", "--help"]
