namespace Jar.SampleHost.Tests;

/// <summary>The sample host with two more public clients whose stored policies the policy set tests change.</summary>
public sealed class PolicyHostFactory : SampleHostFactory
{
    /// <summary>Configured with strict, RequireJwtId and a scope ceiling; replaced whole by JSON.</summary>
    public const string JsonClient = "json-client";

    /// <summary>Configured with strict, RequireJwtId and a scope ceiling; changed setting by setting.</summary>
    public const string FlagsClient = "flags-client";

    /// <summary>Configured as the two above; a loosening of it is refused.</summary>
    public const string GuardedClient = "guarded-client";

    /// <summary>Configured as the two above; loosened deliberately, with a reason.</summary>
    public const string LoosenedClient = "loosened-client";

    protected override void AddSettings(Dictionary<string, string?> settings)
    {
        base.AddSettings(settings);
        foreach (var clientId in (string[])[JsonClient, FlagsClient, GuardedClient, LoosenedClient])
        {
            var client = $"Jar:Clients:{clientId}:";
            settings[client + "Type"] = "public";
            settings[client + "RedirectUris:0"] = AuthorizationFlow.RedirectUri;
            settings[client + "Scopes:0"] = "openid";
            settings[client + "Scopes:1"] = "profile";
            settings[client + "Policy:Profile"] = "strict";
            settings[client + "Policy:RequireJwtId"] = "true";
            settings[client + "Policy:AllowedScopes:0"] = "openid";
            settings[client + "Policy:AllowedScopes:1"] = "profile";
        }
    }
}
