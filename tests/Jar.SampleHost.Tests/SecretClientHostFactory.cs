namespace Jar.SampleHost.Tests;

/// <summary>The sample host with one more client from configuration: confidential, with a shared secret (client_secret_basic).</summary>
public sealed class SecretClientHostFactory : SampleHostFactory
{
    public const string ClientId = "secret-client";
    public const string Secret = "a-demo-secret-that-is-long-enough-to-look-real";

    protected override void AddSettings(Dictionary<string, string?> settings)
    {
        base.AddSettings(settings);
        var client = $"Jar:Clients:{ClientId}:";
        settings[client + "DisplayName"] = "Secret client";
        settings[client + "Type"] = "confidential";
        settings[client + "Secret"] = Secret;
        settings[client + "RedirectUris:0"] = AuthorizationFlow.RedirectUri;
        settings[client + "Scopes:0"] = "openid";
        settings[client + "Scopes:1"] = "profile";
        settings[client + "Policy:Profile"] = "strict";
    }
}
