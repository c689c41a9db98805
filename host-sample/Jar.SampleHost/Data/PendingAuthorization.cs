namespace Jar.SampleHost.Data;

/// <summary>
/// What the demo client keeps between starting an authorization request and redeeming its code: the PKCE verifier
/// (RFC 7636 §4.1) and the redirect URI the code is bound to. Kept server-side, keyed by <c>state</c>, so the
/// <c>/callback</c> page can redeem a code for a request started by the <c>demo-request</c> command.
/// </summary>
public sealed class PendingAuthorization
{
    /// <summary>The longest state the demo client generates, with room to spare.</summary>
    public const int MaxStateLength = 100;

    /// <summary>The <c>state</c> sent with the request.</summary>
    public required string State { get; init; }

    /// <summary>The demo client that started the request.</summary>
    public required string ClientId { get; init; }

    /// <summary>The PKCE code verifier.</summary>
    public required string CodeVerifier { get; init; }

    /// <summary>The redirect URI sent with the request, sent again at the token endpoint (RFC 6749 §4.1.3).</summary>
    public required string RedirectUri { get; init; }

    /// <summary>When the request was started.</summary>
    public DateTimeOffset CreatedAt { get; init; }
}
