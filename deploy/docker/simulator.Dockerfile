# syntax=docker/dockerfile:1
# The Ollama simulator (tests/OllamaSimulator) for the compose `demo` profile.
# Build from the repository root: docker build -f deploy/docker/simulator.Dockerfile -t ollama-orleans/simulator .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY tests/OllamaSimulator/*.csproj tests/OllamaSimulator/
COPY tests/OllamaSimulator/Library/*.csproj tests/OllamaSimulator/Library/
RUN dotnet restore tests/OllamaSimulator/OllamaSimulator.csproj
COPY tests/OllamaSimulator/ tests/OllamaSimulator/
RUN dotnet publish tests/OllamaSimulator/OllamaSimulator.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/runtime:10.0
WORKDIR /app
COPY --from=build /app ./
EXPOSE 11400 11434 11435 11436
USER $APP_UID
# The control API answers once every simulated host listens.
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/11400 && printf 'GET /_sim/hosts HTTP/1.0\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["dotnet", "OllamaSimulator.dll"]
CMD ["--hosts", "3", "--port", "11434", "--control-port", "11400"]
