#!/usr/bin/env bash
# "Add the package, call one method", proven: packs the three library packages into a local folder feed, generates a
# throw-away OpenIddict server in a temporary folder (its own nuget.config adds the folder feed to the machine's usual
# sources) that references them by package and calls AddJarHardening(), builds it, starts it and asks its discovery
# document for request_parameter_supported: true. Usage: scripts/package-check.sh
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d /tmp/jar-package-check.XXXXXX)
app_pid=""
cleanup() {
  if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# A version of its own each run, so the package cache never hands back an older build.
version="0.0.0-check.$(date +%s)"
feed="$work/feed"
for project in src/Jar.IdentityServer.Extensions src/Jar.IdentityServer.Extensions.OpenIddict src/Jar.IdentityServer.Extensions.EntityFramework; do
  # Built under the work folder (--artifacts-path), so the repository's own bin/ and obj/ keep their build.
  dotnet pack "$project" -c Release --nologo -v quiet --artifacts-path "$work/artifacts" -o "$feed" -p:Version="$version" >/dev/null
done
for id in Jar.IdentityServer.Extensions Jar.IdentityServer.Extensions.OpenIddict Jar.IdentityServer.Extensions.EntityFramework; do
  test -s "$feed/$id.$version.nupkg" || { echo "package-check: $id.$version.nupkg is missing" >&2; exit 1; }
  test -s "$feed/$id.$version.snupkg" || { echo "package-check: $id.$version.snupkg (symbols) is missing" >&2; exit 1; }
  listing=$(unzip -l "$feed/$id.$version.nupkg")
  for entry in README.md "lib/net10.0/$id.dll" "lib/net10.0/$id.xml"; do
    grep -q " $entry\$" <<<"$listing" || { echo "package-check: $id has no $entry" >&2; exit 1; }
  done
  unzip -p "$feed/$id.$version.nupkg" "$id.nuspec" | grep -q '<license type="expression">Apache-2.0</license>' \
    || { echo "package-check: $id has no licence expression" >&2; exit 1; }
done
echo "package-check: packed $version into $feed"

app="$work/app"
mkdir -p "$app"
cat >"$app/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="jar-local" value="$feed" />
  </packageSources>
</configuration>
XML
# Outside the repository: none of its Directory.*.props apply.
cat >"$app/Directory.Build.props" <<'XML'
<Project />
XML
cat >"$app/Directory.Packages.props" <<'XML'
<Project><PropertyGroup><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup></Project>
XML
cat >"$app/App.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk.Web">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Jar.IdentityServer.Extensions.OpenIddict" Version="$version" />
    <PackageReference Include="Jar.IdentityServer.Extensions.EntityFramework" Version="$version" />
    <PackageReference Include="OpenIddict.AspNetCore" Version="7.8.0" />
  </ItemGroup>
</Project>
XML
cat >"$app/Program.cs" <<'CS'
using Jar.IdentityServer.Extensions.OpenIddict;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddOpenIddict()
    .AddServer(options =>
    {
        options.SetAuthorizationEndpointUris("connect/authorize")
            .SetPushedAuthorizationEndpointUris("connect/par")
            .SetTokenEndpointUris("connect/token");
        options.AllowAuthorizationCodeFlow();
        options.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
        options.UseAspNetCore().DisableTransportSecurityRequirement();
        options.AddJarHardening();
    });
var app = builder.Build();
app.UseAuthentication();
await app.RunAsync();
CS
echo "package-check: building a throw-away OpenIddict app that references the packages"
(cd "$app" && dotnet build -c Release --nologo -v quiet) >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }

port=$(( (RANDOM % 20000) + 30000 ))
(cd "$app" && exec dotnet bin/Release/net10.0/App.dll --urls "http://127.0.0.1:$port") >"$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 60); do
  if discovery=$(curl -fsS "http://127.0.0.1:$port/.well-known/openid-configuration" 2>/dev/null); then break; fi
  if ! kill -0 "$app_pid" 2>/dev/null; then cat "$work/app.log" >&2; echo "package-check: the app did not start" >&2; exit 1; fi
  sleep 0.5
done
grep -Eq '"request_parameter_supported": *true' <<<"${discovery:-}" \
  || { echo "package-check: discovery does not advertise request_parameter_supported: ${discovery:-none}" >&2; exit 1; }
echo "package-check: the app built from the packages serves discovery with request_parameter_supported: true"
