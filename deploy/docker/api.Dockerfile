# syntax=docker/dockerfile:1
# The management API and metering gateway as its own process (an Orleans client of the silos).
# Build from the repository root: docker build -f deploy/docker/api.Dockerfile -t ollama-orleans/api .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY grain-interfaces/OllamaOrleans.Protocol/*.csproj grain-interfaces/OllamaOrleans.Protocol/
COPY grain-interfaces/OllamaOrleans.GrainInterfaces/*.csproj grain-interfaces/OllamaOrleans.GrainInterfaces/
COPY api/OllamaOrleans.Api/*.csproj api/OllamaOrleans.Api/
COPY api/OllamaOrleans.Api.Host/*.csproj api/OllamaOrleans.Api.Host/
RUN dotnet restore api/OllamaOrleans.Api.Host/OllamaOrleans.Api.Host.csproj
COPY grain-interfaces/ grain-interfaces/
COPY api/ api/
RUN dotnet publish api/OllamaOrleans.Api.Host/OllamaOrleans.Api.Host.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app ./
ENV API_PORT=8080
EXPOSE 8080
USER $APP_UID
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/$API_PORT && printf 'GET /healthz HTTP/1.0\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["dotnet", "OllamaOrleans.Api.Host.dll"]
