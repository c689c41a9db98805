namespace Jar.IdentityServer.Extensions.Client;

/// <summary>The server refused a request: <see cref="Refusal"/> carries its error, description and rule id.</summary>
public sealed class JarServerException : JarClientException
{
    /// <summary>An exception for <paramref name="refusal"/> at <paramref name="endpoint"/>.</summary>
    /// <param name="refusal">What the server answered.</param>
    /// <param name="endpoint">Where.</param>
    public JarServerException(JarServerRefusal refusal, Uri endpoint)
        : base($"{endpoint} refused the request: {refusal?.Error}{(refusal?.ErrorDescription is { } d ? $" ({d})" : string.Empty)}")
    {
        ArgumentNullException.ThrowIfNull(refusal);
        Refusal = refusal;
        Endpoint = endpoint;
    }

    /// <summary>The server's answer.</summary>
    public JarServerRefusal Refusal { get; }

    /// <summary>The endpoint that refused.</summary>
    public Uri Endpoint { get; }

    /// <summary>The OAuth error code.</summary>
    public string Error => Refusal.Error;

    /// <summary>The error description.</summary>
    public string? ErrorDescription => Refusal.ErrorDescription;

    /// <summary>The rule id, e.g. <c>JAR205</c>, when the server named one.</summary>
    public string? RuleId => Refusal.RuleId;
}
