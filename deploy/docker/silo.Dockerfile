# syntax=docker/dockerfile:1
# The OllamaOrleans silo: fleet polling, /metrics, Orleans dashboard, health endpoints on one port.
# Build from the repository root: docker build -f deploy/docker/silo.Dockerfile -t ollama-orleans/silo .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY grain-interfaces/OllamaOrleans.Protocol/*.csproj grain-interfaces/OllamaOrleans.Protocol/
COPY grain-interfaces/OllamaOrleans.GrainInterfaces/*.csproj grain-interfaces/OllamaOrleans.GrainInterfaces/
COPY grains/*.csproj grains/
COPY api/OllamaOrleans.Api/*.csproj api/OllamaOrleans.Api/
COPY silo/*.csproj silo/
COPY silo/Library/*.csproj silo/Library/
RUN dotnet restore silo/OllamaOrleans.Silo.csproj
COPY grain-interfaces/ grain-interfaces/
COPY grains/ grains/
COPY api/OllamaOrleans.Api/ api/OllamaOrleans.Api/
COPY silo/ silo/
RUN dotnet publish silo/OllamaOrleans.Silo.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app ./
# HTTP (metrics, dashboard, health), Orleans silo-to-silo, Orleans gateway.
ENV EXPORTER_PORT=9619
EXPOSE 9619 11111 30000
# The image's unprivileged user (uid 1654).
USER $APP_UID
# Liveness only (/healthz); /ready says whether the silo joined and seeded its registry.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/$EXPORTER_PORT && printf 'GET /healthz HTTP/1.0\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["dotnet", "OllamaOrleans.Silo.dll"]
