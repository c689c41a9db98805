namespace Jar.Testing;

/// <summary>An authorization server under test, as a client and a user reach it over HTTP.</summary>
public interface IAuthorizationServer
{
    /// <summary>The issuer identifier, as discovery advertises it (the <c>aud</c> of request objects and client assertions).</summary>
    string Issuer { get; }

    /// <summary>The server's clock: request objects and assertions are dated from it.</summary>
    TimeProvider Time { get; }

    /// <summary>The client's back channel (PAR, token): redirects are not followed, no cookies are kept.</summary>
    HttpClient BackChannel { get; }

    /// <summary>A fresh user agent for the front channel: the user's own browser, signed in to nothing yet.</summary>
    IUserAgent OpenUserAgent();
}
