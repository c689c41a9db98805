using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Jar.IdentityServer.Extensions.EntityFramework;

/// <summary>
/// Signs checkpoints (RFC 7515 compact JWS, ES256 per RFC 7518 §3.4) with the key in <see cref="JarAuditOptions.CheckpointKeyFile"/>,
/// appends them to <see cref="JarAuditOptions.CheckpointFile"/>, and reads them back verified.
/// </summary>
internal sealed class CheckpointSigner(IOptions<JarAuditOptions> options, TimeProvider time)
{
    private const string Type = "jar-checkpoint+jwt";
    private static readonly Lock FileLock = new();

    public JarCheckpoint Sign(long sequence, string hash, string kind)
    {
        using var key = LoadOrCreateKey();
        var now = time.GetUtcNow();
        var header = new JsonObject { ["alg"] = "ES256", ["typ"] = Type, ["kid"] = KeyId(key) }.ToJsonString();
        var payload = new JsonObject { ["seq"] = sequence, ["hash"] = hash, ["iat"] = now.ToUnixTimeSeconds(), ["kind"] = kind }.ToJsonString();
        var input = Base64UrlEncoder.Encode(header) + "." + Base64UrlEncoder.Encode(payload);
        var signature = key.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        var jws = input + "." + Base64UrlEncoder.Encode(signature);
        lock (FileLock)
        {
            // Append-only: a checkpoint is never rewritten; the file grows by one line per checkpoint.
            File.AppendAllText(options.Value.CheckpointFile, jws + "\n");
        }

        return new JarCheckpoint(sequence, hash, DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds()), kind, jws);
    }

    /// <summary>Every checkpoint in the file, in order; a line whose signature does not verify is reported, not skipped.</summary>
    public IReadOnlyList<(JarCheckpoint? Checkpoint, int Line)> ReadAll()
    {
        var path = options.Value.CheckpointFile;
        if (!File.Exists(path))
        {
            return [];
        }

        using var key = LoadOrCreateKey();
        var result = new List<(JarCheckpoint?, int)>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Length > 0)
            {
                result.Add((Verify(line, key), number));
            }
        }

        return result;
    }

    private static JarCheckpoint? Verify(string jws, ECDsa key)
    {
        var parts = jws.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            var signature = Base64UrlEncoder.DecodeBytes(parts[2]);
            if (!key.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
            {
                return null;
            }

            using var payload = JsonDocument.Parse(Base64UrlEncoder.Decode(parts[1]));
            var root = payload.RootElement;
            return new JarCheckpoint(
                root.GetProperty("seq").GetInt64(),
                root.GetProperty("hash").GetString()!,
                DateTimeOffset.FromUnixTimeSeconds(root.GetProperty("iat").GetInt64()),
                root.GetProperty("kind").GetString()!,
                jws);
        }
        catch (Exception e) when (e is FormatException or JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }

    private ECDsa LoadOrCreateKey()
    {
        var path = options.Value.CheckpointKeyFile;
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        if (File.Exists(path))
        {
            var jwk = JsonNode.Parse(File.ReadAllText(path))!;
            key.ImportParameters(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                D = Base64UrlEncoder.DecodeBytes((string)jwk["d"]!),
                Q = new ECPoint { X = Base64UrlEncoder.DecodeBytes((string)jwk["x"]!), Y = Base64UrlEncoder.DecodeBytes((string)jwk["y"]!) },
            });
            return key;
        }

        var parameters = key.ExportParameters(includePrivateParameters: true);
        var created = new JsonObject
        {
            ["kty"] = "EC",
            ["crv"] = "P-256",
            ["x"] = Base64UrlEncoder.Encode(parameters.Q.X),
            ["y"] = Base64UrlEncoder.Encode(parameters.Q.Y),
            ["d"] = Base64UrlEncoder.Encode(parameters.D),
            ["use"] = "sig",
            ["alg"] = "ES256",
        };
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory)
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllText(path, created.ToJsonString());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return key;
    }

    // RFC 7638 thumbprint of the public key: names the key in every checkpoint.
    private static string KeyId(ECDsa key)
    {
        var q = key.ExportParameters(includePrivateParameters: false).Q;
        var canonical = $"{{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"{Base64UrlEncoder.Encode(q.X)}\",\"y\":\"{Base64UrlEncoder.Encode(q.Y)}\"}}";
        return Base64UrlEncoder.Encode(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
