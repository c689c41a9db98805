namespace Jar.SampleHost.Clients;

/// <summary>The client types of RFC 6749 §2.1, as written in configuration and in OpenIddict.</summary>
public static class ClientTypeNames
{
    /// <summary>A client that can keep a credential.</summary>
    public const string Confidential = "confidential";

    /// <summary>A client that cannot (a browser or native app): PKCE protects its code.</summary>
    public const string Public = "public";
}
