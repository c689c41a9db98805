using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jar.IdentityServer.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Jar.SampleHost.Hardening;

/// <summary>
/// The server's private keys for encrypted request objects (RFC 9101 §6.1). <c>Jar:DecryptionKeys</c> when it is set:
/// a JSON Web Key Set of private keys, as JSON or a file under the content root (an empty set turns encrypted request
/// objects off). Otherwise the set in <c>Jar:GeneratedDecryptionKeysFile</c>, written on the first start with an RSA
/// 2048 key (RSA-OAEP-256) and a P-256 key (ECDH-ES) and read on every later one: clients encrypt to the keys they
/// fetched from the server's JWKS, so the keys must outlive a restart.
/// </summary>
internal sealed class RequestObjectDecryptionKeys
{
    /// <summary>The operator's key set: JSON, or a file path relative to the content root.</summary>
    public const string KeysSetting = "Jar:DecryptionKeys";

    /// <summary>Where the generated key set is kept when <see cref="KeysSetting"/> is not set.</summary>
    public const string GeneratedFileSetting = "Jar:GeneratedDecryptionKeysFile";

    /// <summary>The generated key set's file, relative to the content root, beside the SQLite database.</summary>
    public const string DefaultGeneratedFile = "App_Data/request-object-decryption.jwks.json";

    private RequestObjectDecryptionKeys(IReadOnlyList<JsonWebKey> keys)
    {
        Keys = keys;
    }

    /// <summary>The private keys, each with its kid.</summary>
    public IReadOnlyList<JsonWebKey> Keys { get; }

    /// <summary>
    /// Reads the configured key set, or the generated one (writing it first if there is none yet). A key set that
    /// cannot serve stops the host with an <see cref="OptionsValidationException"/> naming the setting to fix.
    /// </summary>
    public static RequestObjectDecryptionKeys Load(IConfiguration configuration, string contentRoot, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        try
        {
            return new RequestObjectDecryptionKeys(Read(configuration, contentRoot, logger));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(JarHardeningOptions), [e.Message]);
        }
    }

    /// <summary>Gives the engine the keys (<see cref="JarHardeningOptions.RequestObjectDecryptionKeys"/>).</summary>
    public void AddTo(JarHardeningOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var key in Keys)
        {
            options.RequestObjectDecryptionKeys.Add(key);
        }
    }

    private static List<JsonWebKey> Read(IConfiguration configuration, string contentRoot, ILogger logger)
    {
        if (configuration[KeysSetting] is { Length: > 0 } configured)
        {
            var json = configured.TrimStart().StartsWith('{') ? configured : ReadFile(configured, contentRoot, KeysSetting);
            var keys = Parse(json, KeysSetting);
            SampleHostLog.DecryptionKeysConfigured(logger, keys.Count, KeysSetting);
            return keys;
        }

        var path = Path.GetFullPath(configuration[GeneratedFileSetting] is { Length: > 0 } file ? file : DefaultGeneratedFile, contentRoot);
        if (!File.Exists(path) && TryCreate(path))
        {
            SampleHostLog.DecryptionKeysGenerated(logger, path);
        }

        var kept = Parse(ReadFile(path, contentRoot, GeneratedFileSetting), $"{GeneratedFileSetting} ({path})");
        SampleHostLog.DecryptionKeysConfigured(logger, kept.Count, path);
        return kept;
    }

    /// <summary>A new key set: RSA 2048 for RSA-OAEP-256 and P-256 for ECDH-ES, as JSON with the private members.</summary>
    public static string Generate()
    {
        using var rsa = RSA.Create(2048);
        using var ec = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var r = rsa.ExportParameters(includePrivateParameters: true);
        var e = ec.ExportParameters(includePrivateParameters: true);
        var rsaKey = new JsonObject
        {
            ["kty"] = "RSA", ["n"] = B(r.Modulus), ["e"] = B(r.Exponent), ["d"] = B(r.D), ["p"] = B(r.P), ["q"] = B(r.Q),
            ["dp"] = B(r.DP), ["dq"] = B(r.DQ), ["qi"] = B(r.InverseQ),
        };
        var ecKey = new JsonObject { ["kty"] = "EC", ["crv"] = "P-256", ["x"] = B(e.Q.X), ["y"] = B(e.Q.Y), ["d"] = B(e.D) };

        // RFC 7638 §1: the key's thumbprint is a kid that names it and nothing else.
        foreach (var key in (JsonObject[])[rsaKey, ecKey])
        {
            key["kid"] = Base64UrlEncoder.Encode(new JsonWebKey(key.ToJsonString()).ComputeJwkThumbprint());
            key["use"] = JsonWebKeyUseNames.Enc;
        }

        return new JsonObject { ["keys"] = new JsonArray(rsaKey, ecKey) }.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    // Written whole under a temporary name, readable by the owner only, then moved into place without overwriting:
    // two processes starting at once (the host and a command) end up with the same keys.
    private static bool TryCreate(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var writer = new StreamWriter(temporary, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), options))
            {
                writer.Write(Generate());
            }

            File.Move(temporary, path, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static string ReadFile(string value, string contentRoot, string setting)
    {
        var path = Path.GetFullPath(value, contentRoot);
        return File.Exists(path)
            ? File.ReadAllText(path)
            : throw new InvalidOperationException($"{setting}: no key set at '{path}'. Give a JSON Web Key Set of private keys, as JSON or a file path.");
    }

    private static List<JsonWebKey> Parse(string json, string setting)
    {
        JsonWebKeySet set;
        try
        {
            set = new JsonWebKeySet(json);
        }
        catch (Exception e) when (e is ArgumentException or JsonException)
        {
            throw new InvalidOperationException($"{setting}: not a JSON Web Key Set ({e.Message}).", e);
        }

        var kids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in set.Keys)
        {
            // RFC 7516 §4.1.6: a client names the key it encrypted to, so each key needs its own kid.
            if (string.IsNullOrEmpty(key.Kid) || !kids.Add(key.Kid))
            {
                throw new InvalidOperationException($"{setting}: every key needs a kid of its own.");
            }

            if (!key.HasPrivateKey)
            {
                throw new InvalidOperationException($"{setting}: key '{key.Kid}' has no private part; the server decrypts with it.");
            }

            // RFC 7517 §4.2: a key published for signatures is not also an encryption key.
            if (key.Use is { Length: > 0 } use && use != JsonWebKeyUseNames.Enc)
            {
                throw new InvalidOperationException($"{setting}: key '{key.Kid}' has use '{use}', not 'enc'.");
            }
        }

        return [.. set.Keys];
    }

    private static string B(byte[]? value) => Base64UrlEncoder.Encode(value!);
}
