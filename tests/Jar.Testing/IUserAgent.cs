namespace Jar.Testing;

/// <summary>The user's browser on the front channel: one request at a time, redirects seen, not followed.</summary>
public interface IUserAgent
{
    /// <summary><c>GET</c> of a URL relative to the server.</summary>
    Task<EndpointAnswer> GetAsync(Uri url);

    /// <summary>
    /// The user's side once the authorization endpoint has taken the request (<paramref name="accepted"/> is its
    /// answer): whatever sign-in and consent the server asks for, allowed, up to the answer that is sent back to the
    /// client. A server that grants at once returns <paramref name="accepted"/> itself.
    /// </summary>
    Task<EndpointAnswer> ApproveAsync(EndpointAnswer accepted);
}
