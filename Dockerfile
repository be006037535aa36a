# Plumbline as a container image (docs/deploy.md). NOT BUILT HERE: the machine this was written on has no Docker; the
# steps are the ones `dotnet publish` runs on it, and the test command checks the published app behind nginx instead.
#   docker build -t plumbline .
#   docker run -p 8080:8080 -v plumbline-data:/data -e App__PublicUrl=https://plumbline.example.com plumbline

# Build: the .NET SDK, plus Node.js for the npm packages the build copies into wwwroot (htmx).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
COPY --from=node:22-bookworm-slim /usr/local/bin/node /usr/local/bin/node
COPY --from=node:22-bookworm-slim /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/npm
RUN ln -s /usr/local/lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm
WORKDIR /src
COPY . .
# Self-contained, so the runtime image can be plain Debian, whose `chromium` package prints the PDF reports (Ubuntu's
# chromium, under the SDK's default image, is a snap that does not run in a container).
RUN dotnet publish src/Plumbline -c Release -r linux-x64 --self-contained -o /app

# Run: Debian 12 with Chromium and fonts for the PDFs, as a user without privileges.
FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends chromium fonts-dejavu-core ca-certificates libicu72 tzdata curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /data --shell /usr/sbin/nologin plumbline \
    && mkdir -p /data && chown plumbline /data
COPY --from=build /app /app
WORKDIR /app
USER plumbline
# The SQLite database (by default) and the evidence files; with PostgreSQL, only the evidence.
VOLUME /data
ENV ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_URLS=http://+:8080 \
    ConnectionStrings__Default="Data Source=/data/plumbline.db" \
    Storage__EvidencePath=/data/evidence \
    Reports__ChromiumPath=/usr/bin/chromium
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s CMD curl -fsS http://127.0.0.1:8080/health/ready || exit 1
ENTRYPOINT ["/app/Plumbline"]
