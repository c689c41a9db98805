namespace Jar.SampleHost.Tests.Lint;

/// <summary>One more configured client whose registration the lint must refuse: a plain http redirect URI on a public host (JARL001).</summary>
internal static class LintClients
{
    public const string HttpClient = "http-client";

    public const string HttpRedirectUri = "http://app.example.com/cb";

    public static void Add(Dictionary<string, string?> settings, string onStart = "Warn")
    {
        const string client = $"Jar:Clients:{HttpClient}:";
        settings[client + "Type"] = "public";
        settings[client + "RedirectUris:0"] = HttpRedirectUri;
        settings[client + "Scopes:0"] = "openid";
        settings[client + "Policy:Profile"] = "strict";
        settings["Jar:Lint:OnStart"] = onStart;
    }
}
