namespace Jar.Testing;

/// <summary>How a request object reaches the server.</summary>
public enum Delivery
{
    /// <summary><c>GET /connect/authorize?client_id=..&amp;request=..</c> with the outer duplicates the conformance suite sends.</summary>
    ByValue,

    /// <summary><c>POST /connect/par</c> with the object and client authentication, then <c>GET /connect/authorize?client_id&amp;request_uri</c>.</summary>
    Pushed,
}
